-- Mirrors sqlite/021: index deliveries by (subscription, creation time) instead of (subscription, status), a key
-- that never changes, so attempts do not rewrite this index; recover and cancel still use it.
DROP INDEX IF EXISTS deliveries_subscription;
CREATE INDEX deliveries_subscription_created ON deliveries (subscription_id, created_at);
