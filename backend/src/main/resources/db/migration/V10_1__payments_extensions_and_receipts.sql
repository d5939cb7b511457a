-- payments: a booking has one payment for the booking itself and one for each paid extension (ADR 0011).
ALTER TABLE payments ADD COLUMN extension_id uuid REFERENCES booking_extensions (id);
ALTER TABLE payments DROP CONSTRAINT payments_one_per_booking;
CREATE UNIQUE INDEX payments_one_per_booking ON payments (booking_id) WHERE extension_id IS NULL;
CREATE UNIQUE INDEX payments_one_per_extension ON payments (extension_id) WHERE extension_id IS NOT NULL;
CREATE INDEX payments_booking ON payments (booking_id);

-- A booking's receipt number, given the first time its receipt is asked for and never changed.
CREATE TABLE receipts (
    booking_id uuid PRIMARY KEY REFERENCES bookings (id),
    number     bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    issued_at  timestamptz NOT NULL
);
