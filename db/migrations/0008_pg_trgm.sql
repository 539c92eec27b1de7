-- Trigram indexes serve "search by part of the address / name" (ILIKE '%…%').
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
-- The embedded PGlite loads it through its `extensions` option (db/index.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
