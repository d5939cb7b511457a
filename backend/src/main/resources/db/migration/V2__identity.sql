-- identity: accounts and refresh tokens.
CREATE TABLE users (
    id              uuid PRIMARY KEY,
    email           varchar(255) NOT NULL,
    hashed_password varchar(255),
    full_name       varchar(255) NOT NULL,
    phone_number    varchar(20),
    role            varchar(10)  NOT NULL DEFAULT 'renter' CHECK (role IN ('renter', 'owner', 'admin')),
    is_active       boolean      NOT NULL DEFAULT true,
    is_verified     boolean      NOT NULL DEFAULT false,
    profile_image   varchar(500),
    latitude        double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude       double precision CHECK (longitude BETWEEN -180 AND 180),
    oauth_provider  varchar(20),
    oauth_id        varchar(255),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now()
);

-- The email as normalised at sign-up (domain lower-cased); unique, so two racing sign-ups cannot both win.
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE UNIQUE INDEX users_oauth_key ON users (oauth_provider, oauth_id) WHERE oauth_provider IS NOT NULL;

-- One row per refresh token issued. A refresh retires its token (revoked_at) and issues the next one of the same
-- family; presenting a retired token again is reuse, and revokes the whole family.
CREATE TABLE refresh_tokens (
    jti        uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id),
    family_id  uuid        NOT NULL,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    revoked_reason varchar(20)
);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expires ON refresh_tokens (expires_at);
