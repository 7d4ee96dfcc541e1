-- Mirrors the version of sqlite/040_inbound_body_log.sql, which moves raw bodies of SQLite deliveries to segment
-- files beside the database file. Several PostgreSQL instances must all read every body, so bodies stay in the
-- table here; the version keeps both in step.
SELECT 1;
