-- spots: a user's favourite spots (referenced by user id; deleting a spot drops it from every favourites list).
CREATE TABLE spot_favorites (
    user_id    uuid        NOT NULL REFERENCES users (id),
    spot_id    uuid        NOT NULL REFERENCES parking_spots (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, spot_id)
);
