-- identity: profile_image is an https: URL or nothing (docs/decisions/0009-media-ownership.md); values stored before
-- that rule that it refuses (javascript:, data:, http:, relative paths) are cleared.
UPDATE users
SET profile_image = NULL
WHERE profile_image IS NOT NULL
  AND profile_image !~* '^https://[^/?#@[:space:][:cntrl:]\\]+([/?#][^[:space:][:cntrl:]\\]*)?$';

-- Housekeeping deletes email tokens a day after their use as well as after their expiry (IdentityHousekeeping).
CREATE INDEX email_tokens_used ON email_tokens (used_at) WHERE used_at IS NOT NULL;
