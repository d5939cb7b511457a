-- identity: the token epoch (ADR 3). Access and refresh tokens issued at or before tokens_valid_after are refused;
-- a password change or reset, logout-everywhere, account deletion and deactivation set it. NULL: no epoch yet, so
-- every unexpired token of the user works (including the previous backend's tokens, which carry no issue time).
ALTER TABLE users ADD COLUMN tokens_valid_after timestamptz;
