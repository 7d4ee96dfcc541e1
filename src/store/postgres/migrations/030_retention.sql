-- Pruning walks the oldest rows first; these indexes keep each batch and the dry-run count from scanning whole tables.
CREATE INDEX events_created_at ON events (created_at);
CREATE INDEX inbound_deliveries_received_at ON inbound_deliveries (received_at);
CREATE INDEX inbound_refusals_at ON inbound_refusals (at);
