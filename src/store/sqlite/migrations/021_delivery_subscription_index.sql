-- Index deliveries by (subscription, creation time) instead of (subscription, status): the new key never changes,
-- so the status transitions of every attempt no longer rewrite this index; recover and cancel still use it.
DROP INDEX IF EXISTS deliveries_subscription;
CREATE INDEX deliveries_subscription_created ON deliveries (subscription_id, created_at);
