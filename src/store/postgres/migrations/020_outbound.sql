-- Mirrors sqlite/020_outbound.sql. Ids sort bytewise (COLLATE "C") like SQLite, so cursors agree on both dialects.
CREATE TABLE subscriptions (
  id TEXT COLLATE "C" PRIMARY KEY,
  url TEXT NOT NULL,
  events JSONB NOT NULL,                -- array of event types or "*"; jsonb for the ? operator
  description TEXT,
  metadata JSON NOT NULL DEFAULT '{}',  -- object of strings, kept as written
  rate_limit_per_second INTEGER,
  secrets JSON NOT NULL,                -- array of { secret, expires_at }
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  disabled_reason TEXT,
  failing_since TIMESTAMPTZ,            -- start of the current run of failures; NULL after a success
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  deleted_at TIMESTAMPTZ
);

-- Events as published; data_json is sent byte for byte inside the envelope.
CREATE TABLE events (
  id TEXT COLLATE "C" PRIMARY KEY,
  type TEXT NOT NULL,
  data_json TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX events_type_id ON events (type, id);

-- The outbox: one row per (event, subscription). Times the worker compares are integer ms since the epoch.
CREATE TABLE deliveries (
  id TEXT COLLATE "C" PRIMARY KEY,
  event_id TEXT COLLATE "C" NOT NULL REFERENCES events (id),
  subscription_id TEXT COLLATE "C" NOT NULL REFERENCES subscriptions (id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivering', 'succeeded', 'failed', 'dead', 'cancelled')),
  attempt INTEGER NOT NULL DEFAULT 0,
  retry_base INTEGER NOT NULL DEFAULT 0,  -- attempt count when last re-queued by hand: the schedule restarts there
  next_attempt_at BIGINT,
  lease_owner TEXT,
  lease_expires_at BIGINT,
  last_response_status INTEGER,
  last_error TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_leased ON deliveries (lease_expires_at) WHERE status = 'delivering';
CREATE INDEX deliveries_event ON deliveries (event_id);
CREATE INDEX deliveries_subscription ON deliveries (subscription_id, status);

-- The attempt log: one row per attempt, response body cut to 4 KB by the sender.
CREATE TABLE delivery_attempts (
  delivery_id TEXT COLLATE "C" NOT NULL REFERENCES deliveries (id),
  attempt INTEGER NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  response_status INTEGER,
  latency_ms INTEGER NOT NULL,
  response_body TEXT,
  error TEXT,
  outcome TEXT NOT NULL,                -- succeeded | failed | gone | rate_limited | timeout | network_error
  next_attempt_at TIMESTAMPTZ,
  PRIMARY KEY (delivery_id, attempt)
);

-- Idempotency-Key of POST /v1/events: the first event is returned again for the same body, on every instance.
CREATE TABLE idempotency_keys (
  key TEXT PRIMARY KEY,
  request_hash TEXT NOT NULL,
  event_id TEXT COLLATE "C" NOT NULL REFERENCES events (id),
  expires_at BIGINT NOT NULL
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);

-- PostgreSQL only (several worker processes): who claimed recently. A subscription's rate limit is split evenly
-- among these workers, so the sum over all instances never exceeds it.
CREATE TABLE outbound_workers (
  owner TEXT PRIMARY KEY,
  seen_at BIGINT NOT NULL               -- epoch ms of the worker's last claim
);
