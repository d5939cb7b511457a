-- reviews: one per completed booking, by its driver; owner responses; one helpful vote per user.
CREATE TABLE reviews (
    id                   uuid PRIMARY KEY,
    booking_id           uuid        NOT NULL REFERENCES bookings (id),
    parking_spot_id      uuid        NOT NULL REFERENCES parking_spots (id),
    reviewer_id          uuid        NOT NULL REFERENCES users (id),
    overall_rating       smallint    NOT NULL CHECK (overall_rating BETWEEN 1 AND 5),
    cleanliness_rating   smallint CHECK (cleanliness_rating BETWEEN 1 AND 5),
    accessibility_rating smallint CHECK (accessibility_rating BETWEEN 1 AND 5),
    accuracy_rating      smallint CHECK (accuracy_rating BETWEEN 1 AND 5),
    value_rating         smallint CHECK (value_rating BETWEEN 1 AND 5),
    title                varchar(255),
    comment              text,
    owner_response       text,
    owner_responded_at   timestamptz,
    helpful_count        integer     NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
    stay_ended_at        timestamptz NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);
-- One review per booking, also under a race of two submissions.
CREATE UNIQUE INDEX reviews_booking ON reviews (booking_id);
CREATE INDEX reviews_spot_newest ON reviews (parking_spot_id, created_at DESC);

CREATE TABLE review_helpful_votes (
    review_id  uuid        NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (review_id, user_id)
);
