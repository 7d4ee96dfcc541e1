-- Mirrors the version of sqlite/011_inbound_bodies.sql, which moves raw bodies to their own table because SQLite
-- rewrites a whole record on every update. PostgreSQL already keeps large values (TOAST) out of line, and an
-- UPDATE that does not touch `body` does not copy it, so nothing changes here; the version keeps both in step.
SELECT 1;
