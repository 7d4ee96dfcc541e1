-- Who delivers (mirrors PostgreSQL's outbound_workers from 020): worker processes sharing this file split each
-- subscription's rate limit evenly among the ones whose heartbeat is recent.
CREATE TABLE outbound_workers (
  owner TEXT PRIMARY KEY,
  seen_at INTEGER NOT NULL              -- epoch ms of the worker's last heartbeat
);
