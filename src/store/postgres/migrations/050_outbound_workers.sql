-- Mirrors the version of sqlite/050_outbound_workers.sql, which gives SQLite the outbound_workers table that
-- PostgreSQL has had since 020; the version keeps both in step.
SELECT 1;
