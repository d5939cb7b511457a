-- Extensions every module may rely on: exclusion constraints over ranges (btree_gist),
-- great-circle distance and KNN on the sphere (cube + earthdistance), fuzzy text search (pg_trgm).
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
