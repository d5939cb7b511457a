-- identity: a driver's saved vehicles (at most 10, one default), plates upper case without spaces.
CREATE TABLE user_vehicles (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id),
    plate      varchar(20) NOT NULL CHECK (plate <> ''),
    make       varchar(50),
    model      varchar(50),
    color      varchar(30),
    is_default boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (user_id, plate)
);
CREATE UNIQUE INDEX user_vehicles_one_default ON user_vehicles (user_id) WHERE is_default;
