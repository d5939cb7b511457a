-- bookings: reservations of a spot over a half-open interval [start_time, end_time).
CREATE TABLE bookings (
    id                  uuid PRIMARY KEY,
    user_id             uuid        NOT NULL REFERENCES users (id),
    parking_spot_id     uuid        NOT NULL REFERENCES parking_spots (id),
    owner_id            uuid        NOT NULL REFERENCES users (id),
    start_time          timestamptz NOT NULL,
    end_time            timestamptz NOT NULL,
    status              varchar(20) NOT NULL
        CHECK (status IN ('pending', 'confirmed', 'in_progress', 'completed', 'cancelled', 'refunded')),
    currency            varchar(3)  NOT NULL,
    subtotal            integer     NOT NULL CHECK (subtotal >= 0),
    service_fee         integer     NOT NULL CHECK (service_fee >= 0),
    total_amount        integer     NOT NULL CHECK (total_amount >= 0),
    owner_payout        integer     NOT NULL CHECK (owner_payout >= 0),
    payment_intent_id   varchar(255),
    payment_status      varchar(50) NOT NULL DEFAULT 'pending',
    vehicle_plate       varchar(20),
    vehicle_make        varchar(50),
    vehicle_model       varchar(50),
    vehicle_color       varchar(30),
    special_requests    text,
    cancellation_reason text,
    cancelled_by        uuid,
    cancelled_at        timestamptz,
    hold_expires_at     timestamptz,
    checked_in_at       timestamptz,
    checked_out_at      timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CHECK (end_time > start_time),
    -- CONTRACT Decision 15: no two active bookings of a spot overlap; back-to-back is fine ('[)').
    CONSTRAINT no_overlapping_bookings EXCLUDE USING gist (
        parking_spot_id WITH =,
        tstzrange(start_time, end_time, '[)') WITH &&
    ) WHERE (status IN ('pending', 'confirmed', 'in_progress'))
);
CREATE INDEX bookings_user ON bookings (user_id, created_at DESC);
CREATE INDEX bookings_spot ON bookings (parking_spot_id, created_at DESC);
CREATE INDEX bookings_owner ON bookings (owner_id, created_at DESC);
CREATE INDEX bookings_status ON bookings (status);
CREATE UNIQUE INDEX bookings_payment_intent ON bookings (payment_intent_id) WHERE payment_intent_id IS NOT NULL;

-- Every status change, who made it and when: the audit trail, and the proof that a job ran once.
CREATE TABLE booking_transitions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id  uuid        NOT NULL REFERENCES bookings (id),
    from_status varchar(20),
    to_status   varchar(20) NOT NULL,
    actor       varchar(60) NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX booking_transitions_booking ON booking_transitions (booking_id);

-- Idempotency-Key on POST /bookings: the first response is kept 24 hours and replayed for the same key and body.
CREATE TABLE booking_idempotency_keys (
    user_id       uuid        NOT NULL,
    key           varchar(255) NOT NULL,
    request_hash  varchar(64) NOT NULL,
    response_body text        NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (user_id, key)
);
CREATE INDEX booking_idempotency_keys_created ON booking_idempotency_keys (created_at);
