-- bookings: extensions of a stay, and the parking pass shown at the gate (ADR 0011).

-- While an extension waits for its payment (Stripe), the booking holds [start_time, held_until): the exclusion
-- constraint guards the extra time exactly as it guards a new booking. Null otherwise.
ALTER TABLE bookings ADD COLUMN held_until timestamptz;
ALTER TABLE bookings ADD CONSTRAINT bookings_held_until_after_end CHECK (held_until IS NULL OR held_until > end_time);
ALTER TABLE bookings DROP CONSTRAINT no_overlapping_bookings;
ALTER TABLE bookings ADD CONSTRAINT no_overlapping_bookings EXCLUDE USING gist (
    parking_spot_id WITH =,
    tstzrange(start_time, COALESCE(held_until, end_time), '[)') WITH &&
) WHERE (status IN ('pending', 'confirmed', 'in_progress'));

-- One row per extension asked for. Amounts are what the extension adds to the booking (the re-priced stay minus what
-- the booking already cost): what its payment charges. 'pending' waits for payment (Stripe), 'confirmed' was applied
-- to the booking, 'expired' was not paid in time, 'cancelled' ended with its booking.
CREATE TABLE booking_extensions (
    id                uuid PRIMARY KEY,
    booking_id        uuid        NOT NULL REFERENCES bookings (id),
    previous_end_time timestamptz NOT NULL,
    new_end_time      timestamptz NOT NULL,
    status            varchar(20) NOT NULL CHECK (status IN ('pending', 'confirmed', 'expired', 'cancelled')),
    currency          varchar(3)  NOT NULL,
    subtotal          integer     NOT NULL CHECK (subtotal >= 0),
    service_fee       integer     NOT NULL CHECK (service_fee >= 0),
    total_amount      integer     NOT NULL CHECK (total_amount >= 0),
    owner_payout      integer     NOT NULL CHECK (owner_payout >= 0),
    -- 'completed' (offline: recorded as paid at once), 'pending' (waiting for Stripe), 'paid', 'none' (nothing due)
    payment_status    varchar(20) NOT NULL,
    hold_expires_at   timestamptz,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CHECK (new_end_time > previous_end_time)
);
CREATE INDEX booking_extensions_booking ON booking_extensions (booking_id, created_at);
-- at most one extension of a booking waits for payment at a time
CREATE UNIQUE INDEX booking_extensions_one_pending ON booking_extensions (booking_id) WHERE status = 'pending';

-- The pass code of a booking (an HMAC of its id, so the same code every time), stored so a code can be looked up.
CREATE TABLE booking_passes (
    booking_id uuid PRIMARY KEY REFERENCES bookings (id),
    code       varchar(16) NOT NULL UNIQUE,
    created_at timestamptz NOT NULL
);
