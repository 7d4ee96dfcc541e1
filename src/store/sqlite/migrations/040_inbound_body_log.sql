-- Raw bodies of new deliveries go to append-only segment files beside the database (body-log.ts): written once,
-- instead of twice as SQLite overflow pages (WAL, then checkpoint). The row keeps where; older rows keep
-- their body in inbound_bodies, and so does an in-memory database.
ALTER TABLE inbound_deliveries ADD COLUMN body_segment INTEGER;
ALTER TABLE inbound_deliveries ADD COLUMN body_offset INTEGER;
ALTER TABLE inbound_deliveries ADD COLUMN body_length INTEGER;
ALTER TABLE inbound_deliveries ADD COLUMN body_crc INTEGER;
-- Retention asks whether any row still points into a segment before it deletes the file.
CREATE INDEX inbound_deliveries_body_segment ON inbound_deliveries (body_segment) WHERE body_segment IS NOT NULL;
