-- The admin dashboard counts today's bookings (created, cancelled) every few seconds: read only today's rows.
CREATE INDEX bookings_created ON bookings (created_at);
CREATE INDEX bookings_cancelled ON bookings (cancelled_at) WHERE cancelled_at IS NOT NULL;
