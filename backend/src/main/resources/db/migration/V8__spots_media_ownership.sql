-- spots: a spot lists only its own uploaded photos (/media/spots/<its id>/<file>) or https: URLs
-- (docs/decisions/0009-media-ownership.md). Before that rule any string was stored: drop what the API now refuses, so
-- no spot shows another spot's photo (whose file its owner could then delete by removing it) and no client is handed a
-- javascript:, data: or other non-https URL. The order of the photos that stay is kept.
WITH cleaned AS (
    SELECT s.id,
           coalesce(jsonb_agg(e.value ORDER BY e.n) FILTER (
               WHERE jsonb_typeof(e.value) = 'string'
                 AND (e.value #>> '{}' ~ ('^/media/spots/' || s.id::text || '/[0-9a-f]{32}\.(jpg|webp)$')
                      OR e.value #>> '{}' ~* '^https://[^/?#@[:space:][:cntrl:]\\]+([/?#][^[:space:][:cntrl:]\\]*)?$')),
                    '[]'::jsonb) AS images
    FROM parking_spots s
             CROSS JOIN LATERAL jsonb_array_elements(s.images) WITH ORDINALITY AS e(value, n)
    WHERE jsonb_typeof(s.images) = 'array'
    GROUP BY s.id)
UPDATE parking_spots s
SET images = cleaned.images
FROM cleaned
WHERE cleaned.id = s.id
  AND cleaned.images <> s.images;
