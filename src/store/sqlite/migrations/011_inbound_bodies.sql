-- Raw bodies move to their own table keyed by the delivery's rowid: SQLite rewrites a whole record on every update,
-- so status changes (claim, completion) no longer copy the body's overflow pages each time.
CREATE TABLE inbound_bodies (
  delivery_rowid INTEGER PRIMARY KEY,
  body BLOB NOT NULL
);
INSERT INTO inbound_bodies (delivery_rowid, body) SELECT rowid, body FROM inbound_deliveries;
ALTER TABLE inbound_deliveries DROP COLUMN body;
-- Whoever deletes deliveries (retention) deletes their bodies too.
CREATE TRIGGER inbound_bodies_follow_delete AFTER DELETE ON inbound_deliveries
BEGIN
  DELETE FROM inbound_bodies WHERE delivery_rowid = old.rowid;
END;
