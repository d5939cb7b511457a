-- identity: single-use links sent by email (verify the address, reset the password). Only the SHA-256 of the token is
-- stored, so a copy of the database does not let anyone use an outstanding link.
CREATE TABLE email_tokens (
    token_hash bytea PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id),
    purpose    varchar(20) NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX email_tokens_user ON email_tokens (user_id, purpose) WHERE used_at IS NULL;
CREATE INDEX email_tokens_expires ON email_tokens (expires_at);

-- Administrators list users newest first and search them by email and name.
CREATE INDEX users_created_at ON users (created_at DESC);
