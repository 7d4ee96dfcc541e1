-- The inbound log: every verified delivery, committed before its 2xx. Times the dispatcher compares are epoch ms.
CREATE TABLE inbound_deliveries (
  id TEXT PRIMARY KEY,                  -- in_<time-ordered>
  provider TEXT NOT NULL,
  receiver TEXT NOT NULL,               -- operationId of the receiver
  delivery_id TEXT NOT NULL,            -- the provider's id: the deduplication key
  event_type TEXT NOT NULL,
  catalog_type TEXT,                    -- catalog webhook it maps to, NULL when none
  headers TEXT NOT NULL,                -- JSON object of the kept headers (signatures redacted)
  body BLOB NOT NULL,                   -- raw request bytes
  source TEXT NOT NULL,
  secret_index INTEGER NOT NULL,
  validation_ok INTEGER NOT NULL,
  validation_errors TEXT,               -- JSON array, NULL when valid
  status TEXT NOT NULL CHECK (status IN ('received', 'processing', 'processed', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  next_attempt_at INTEGER NOT NULL,     -- received: when due; processing: when the lease expires
  lease_owner TEXT,
  received_at TEXT NOT NULL,
  processed_at TEXT,
  UNIQUE (provider, delivery_id)
);
-- Only unfinished rows are indexed for the dispatcher's sweep, so the index stays small.
CREATE INDEX inbound_deliveries_due ON inbound_deliveries (next_attempt_at) WHERE status IN ('received', 'processing');

-- Refused requests (bad signature, too large, …) without their bodies; pruned to a bounded number of rows.
CREATE TABLE inbound_refusals (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  source TEXT NOT NULL,
  receiver TEXT NOT NULL,
  status INTEGER NOT NULL,
  reason TEXT NOT NULL,
  header_names TEXT NOT NULL,           -- JSON array
  body_size INTEGER
);
