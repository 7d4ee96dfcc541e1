import type {
  AttemptOutcome,
  AttemptRecord,
  ClaimedDelivery,
  DeliveryRecord,
  EventRecord,
  InsertEventResult,
  NewEvent,
  OutboundStore,
  OutcomeEffect,
  SubscriptionPatch,
  SubscriptionRecord,
  SubscriptionSecret,
} from '../outbound-store.js';
import { HeldEvents, isIdempotencyConflict, storedRequestHash } from '../outbound-store.js';
import { inTransaction, type PostgresClient, type PostgresPool } from './database.js';
import { createPostgresFindStaleSubscriptions } from './stale-subscriptions.js';

interface SubscriptionRow {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  metadata: Record<string, string>;
  rate_limit_per_second: number | null;
  secrets: SubscriptionSecret[];
  status: 'active' | 'disabled';
  disabled_reason: string | null;
  failing_since: Date | null;
  created_at: Date;
  updated_at: Date;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  subscription_id: string;
  url: string;
  status: DeliveryRecord['status'];
  attempt: number;
  next_attempt_at: number | null;
  last_response_status: number | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

interface EventRow {
  id: string;
  type: string;
  data_json: string;
  created_at: Date;
}

interface AttemptRow extends Omit<AttemptRecord, 'started_at' | 'next_attempt_at'> {
  started_at: Date;
  next_attempt_at: Date | null;
}

interface ClaimRow {
  id: string;
  attempt: number;
  retry_base: number;
  lease_expires_at: number;
  event_id: string;
  event_type: string;
  data_json: string;
  event_created_at: Date;
  subscription_id: string;
  url: string;
  secrets: SubscriptionSecret[];
  rate_limit_per_second: number | null;
}

const RESULT_STATUS = { delivered: 'succeeded', retry: 'pending', dead: 'dead', failed: 'failed' } as const;

const SUBSCRIPTION_COLUMNS = `id, url, events, description, metadata, rate_limit_per_second, secrets, status, disabled_reason,
  failing_since, created_at, updated_at`;
const EVENT_COLUMNS = 'id, type, data_json, created_at';

/**
 * Claims due deliveries for one worker in one statement: a bounded scan of the due index locks rows no other
 * worker holds (SKIP LOCKED: never waits for them), keeps at most $8 per subscription (so one backlog cannot fill
 * the batch; a rate-limited one: what its share can start in $10 ms) and $3 in all, and leases those with the next attempt number; the rest are unlocked at commit.
 * The scan reads at most $12 due rows; when more are due, each eligible subscription's earliest due rows are also
 * looked up in its own index range, so a disabled or saturated subscription's backlog is not walked on every poll.
 * The share is the limit over $11 workers, as the claimer counted them, or else over those that claimed since $7.
 */
const CLAIM_SQL = `WITH live AS (SELECT COALESCE($11::int, GREATEST(1, count(*))) AS workers FROM outbound_workers WHERE seen_at > $7),
  scanned AS (
    SELECT d.id, d.subscription_id, d.next_attempt_at, s.rate_limit_per_second AS rate
    FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
    WHERE d.id IN (SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $12)
      AND d.status = 'pending' AND d.next_attempt_at <= $1 AND s.status = 'active' AND s.deleted_at IS NULL
      AND NOT (d.subscription_id = ANY ($2::text[]))
    ORDER BY d.next_attempt_at LIMIT $9
    FOR UPDATE OF d SKIP LOCKED),
  by_subscription AS (
    SELECT d.id, d.subscription_id, d.next_attempt_at, s.rate_limit_per_second AS rate
    FROM subscriptions s CROSS JOIN LATERAL (
      -- A range, not =, on subscription_id: only deliveries_subscription_due can then give this order, where with =
      -- the planner may walk deliveries_due (the very backlog this avoids), expecting the subscription's rows early.
      SELECT id, subscription_id, next_attempt_at FROM deliveries
      WHERE subscription_id >= s.id AND subscription_id <= s.id AND status = 'pending' AND next_attempt_at <= $1
      ORDER BY subscription_id, next_attempt_at LIMIT $8 FOR UPDATE SKIP LOCKED) d
    WHERE s.status = 'active' AND s.deleted_at IS NULL AND NOT (s.id = ANY ($2::text[]))
      AND EXISTS (SELECT 1 FROM deliveries WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at OFFSET $12 LIMIT 1)),
  picked AS (
    SELECT id FROM (
      SELECT id, next_attempt_at, rate, row_number() OVER (PARTITION BY subscription_id ORDER BY next_attempt_at) AS rn
      FROM (SELECT * FROM scanned UNION SELECT * FROM by_subscription) c) r
    WHERE rn <= CASE WHEN rate IS NULL OR $10::float8 IS NULL THEN $8
      ELSE LEAST($8, GREATEST(1, floor(rate * $10::float8 / 1000 / (SELECT workers FROM live))::int)) END
    ORDER BY next_attempt_at LIMIT $3)
  UPDATE deliveries d SET status = 'delivering', lease_owner = $4, lease_expires_at = $5, attempt = d.attempt + 1, updated_at = $6
  FROM picked, events e, subscriptions s
  WHERE d.id = picked.id AND e.id = d.event_id AND s.id = d.subscription_id
  RETURNING d.id, d.attempt, d.retry_base, d.lease_expires_at, e.id AS event_id, e.type AS event_type, e.data_json,
    e.created_at AS event_created_at, s.id AS subscription_id, s.url, s.secrets,
    s.rate_limit_per_second::float8 / (SELECT workers FROM live) AS rate_limit_per_second`;

/**
 * Rows the claim scans (and briefly locks) per row it may claim. SQLite scans twice its limit so a capped batch is
 * still full; here every scanned row is locked until the statement commits and other workers skip it, so the scan
 * stays at the limit: when the cap binds the batch is smaller and the worker simply claims again.
 */
const CLAIM_SCAN_FACTOR = 1;
/** Due rows, eligible or not, the scan reads per row it may claim before it looks subscription by subscription. */
const CLAIM_EXAMINE_FACTOR = 4;
/** A claimer that passes no worker count records that it is alive at most this often (its claims are its heartbeat). */
const HEARTBEAT_EVERY_MS = 1_000;
/** Such a claimer counts as alive for the rate share this long after its last claim, and at least two leases. */
const MIN_LIVE_WINDOW_MS = 10_000;
/** The sweeper cancels pending rows of subscriptions deleted this recently (longer than any attempt's race). */
const SWEEP_DELETED_WINDOW_MS = 3_600_000;
/** Heartbeats of workers gone this long are deleted by the sweeper. */
const FORGET_WORKER_MS = 3_600_000;

/**
 * The status of a delivery going back to the queue: cancelled when its subscription was deleted meanwhile. The
 * delete cancels the rows that were pending then; one on the wire at that moment would otherwise wait for ever.
 * Under READ COMMITTED a delete committing between this check and this commit can still miss the row: the sweep
 * cancels those (SWEEP_DELETED_WINDOW_MS).
 */
const PENDING_UNLESS_DELETED = `CASE WHEN EXISTS (SELECT 1 FROM subscriptions s WHERE s.id = d.subscription_id AND s.deleted_at IS NOT NULL)
  THEN 'cancelled' ELSE 'pending' END`;

/** Records every outcome of a batch in one statement, each fenced on (id, lease owner, attempt, still delivering). */
const RECORD_RESULTS_SQL = `UPDATE deliveries d SET status = CASE WHEN v.status = 'pending' THEN ${PENDING_UNLESS_DELETED} ELSE v.status END, next_attempt_at = v.next_ms, lease_owner = NULL,
    lease_expires_at = NULL, last_response_status = v.response_status, last_error = v.error, updated_at = v.at
  FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::bigint[], $6::int[], $7::text[], $8::timestamptz[])
    AS v(id, owner, attempt, status, next_ms, response_status, error, at)
  WHERE d.id = v.id AND d.lease_owner = v.owner AND d.attempt = v.attempt AND d.status = 'delivering'
  RETURNING d.id`;

/** The attempt log rows of the applied outcomes; a re-recorded attempt replaces its row, like SQLite's INSERT OR REPLACE. */
const INSERT_ATTEMPTS_SQL = `INSERT INTO delivery_attempts
    (delivery_id, attempt, started_at, response_status, latency_ms, response_body, error, outcome, next_attempt_at)
  SELECT * FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[],
    $9::timestamptz[])
  ON CONFLICT (delivery_id, attempt) DO UPDATE SET started_at = EXCLUDED.started_at, response_status = EXCLUDED.response_status,
    latency_ms = EXCLUDED.latency_ms, response_body = EXCLUDED.response_body, error = EXCLUDED.error, outcome = EXCLUDED.outcome,
    next_attempt_at = EXCLUDED.next_attempt_at`;

/**
 * A batch of successes in ONE statement (one round trip, atomic without BEGIN/COMMIT): the fenced UPDATE, the
 * attempt rows of exactly the outcomes it applied, and the failure clocks of their subscriptions cleared.
 */
const RECORD_SUCCESSES_SQL = `WITH v AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::timestamptz[], $6::timestamptz[], $7::int[], $8::text[],
      $9::text[], $10::text[]) AS v(id, owner, attempt, response_status, started_at, finished_at, latency_ms, response_body, kind, subscription_id)),
  applied AS (
    UPDATE deliveries d SET status = 'succeeded', next_attempt_at = NULL, lease_owner = NULL, lease_expires_at = NULL,
      last_response_status = v.response_status, last_error = NULL, updated_at = v.finished_at
    FROM v WHERE d.id = v.id AND d.lease_owner = v.owner AND d.attempt = v.attempt AND d.status = 'delivering'
    RETURNING d.id),
  logged AS (
    INSERT INTO delivery_attempts (delivery_id, attempt, started_at, response_status, latency_ms, response_body, error, outcome, next_attempt_at)
    SELECT v.id, v.attempt, v.started_at, v.response_status, v.latency_ms, v.response_body, NULL, v.kind, NULL FROM v JOIN applied USING (id)
    ON CONFLICT (delivery_id, attempt) DO UPDATE SET started_at = EXCLUDED.started_at, response_status = EXCLUDED.response_status,
      latency_ms = EXCLUDED.latency_ms, response_body = EXCLUDED.response_body, error = NULL, outcome = EXCLUDED.outcome,
      next_attempt_at = NULL),
  cleared AS (
    UPDATE subscriptions SET failing_since = NULL
    WHERE id IN (SELECT v.subscription_id FROM v JOIN applied USING (id)) AND failing_since IS NOT NULL)
  SELECT id FROM applied`;

/**
 * The outbound store on a pg pool shared by every process: claims use `FOR UPDATE SKIP LOCKED`, results are
 * fenced on lease owner and attempt, idempotency keys and the failure clock live in rows every instance sees.
 */
export function createPostgresOutboundStore(pool: PostgresPool, workerPool: PostgresPool = pool): OutboundStore {
  // Claims share the event objects the worker still holds (the rows of one event carry its data once each).
  const heldEvents = new HeldEvents();
  const lastBeat = new Map<string, number>();
  return {
    async createSubscription(input) {
      const { rows } = await pool.query<SubscriptionRow>(
        `INSERT INTO subscriptions (id, url, events, description, metadata, rate_limit_per_second, secrets, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $8) RETURNING ${SUBSCRIPTION_COLUMNS}`,
        [
          input.id,
          input.url,
          JSON.stringify(input.events),
          input.description,
          JSON.stringify(input.metadata),
          input.rate_limit_per_second,
          JSON.stringify([{ secret: input.secret, expires_at: null }]),
          input.created_at,
        ],
      );
      return toSubscription(rows[0]!);
    },

    async getSubscription(id) {
      const { rows } = await pool.query<SubscriptionRow>(
        `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE id = $1 AND deleted_at IS NULL`,
        [id],
      );
      return rows[0] && toSubscription(rows[0]);
    },

    async listSubscriptions(page) {
      const { rows } = await pool.query<SubscriptionRow>(
        `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE deleted_at IS NULL AND ($1::text IS NULL OR id < $1)
         ORDER BY id DESC LIMIT $2`,
        [page.cursor ?? null, page.limit],
      );
      return rows.map(toSubscription);
    },

    async updateSubscription(id, patch) {
      return inTransaction(pool, (client) => updateSubscription(client, id, patch));
    },

    async deleteSubscription(id, at) {
      return inTransaction(pool, async (client) => {
        const deleted = await client.query('UPDATE subscriptions SET deleted_at = $1, updated_at = $1 WHERE id = $2 AND deleted_at IS NULL', [at, id]);
        if (deleted.rowCount === 0) return false;
        await client.query(
          `UPDATE deliveries SET status = 'cancelled', next_attempt_at = NULL, updated_at = $1 WHERE subscription_id = $2 AND status = 'pending'`,
          [at, id],
        );
        return true;
      });
    },

    async setSubscriptionSecrets(id, secrets, at) {
      const { rows } = await pool.query<SubscriptionRow>(
        `UPDATE subscriptions SET secrets = $1, updated_at = $2 WHERE id = $3 AND deleted_at IS NULL RETURNING ${SUBSCRIPTION_COLUMNS}`,
        [JSON.stringify(secrets), at, id],
      );
      return rows[0] && toSubscription(rows[0]);
    },

    async rewriteSecrets(rewrite) {
      const { rows } = await pool.query<{ id: string; secrets: string }>('SELECT id, secrets::text AS secrets FROM subscriptions');
      let changed = 0;
      for (const row of rows) {
        const next = rewrite(row.id, JSON.parse(row.secrets) as SubscriptionSecret[]);
        if (!next) continue;
        // Compare-and-set on the text (json has no equality): a rotation another instance made since the read wins.
        const result = await pool.query('UPDATE subscriptions SET secrets = $1 WHERE id = $2 AND secrets::text = $3', [JSON.stringify(next), row.id, row.secrets]);
        changed += result.rowCount ?? 0;
      }
      return changed;
    },

    async disableSubscription(id, reason, at) {
      const result = await pool.query(
        `UPDATE subscriptions SET status = 'disabled', disabled_reason = $1, updated_at = $2
         WHERE id = $3 AND status = 'active' AND deleted_at IS NULL`,
        [reason, at, id],
      );
      return result.rowCount === 1;
    },

    findStaleSubscriptions: createPostgresFindStaleSubscriptions(pool),

    async insertEvent(input) {
      return inTransaction(pool, (client) => insertEvent(client, input));
    },

    async getEvent(id) {
      const { rows } = await pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = $1`, [id]);
      return rows[0] && toEvent(rows[0]);
    },

    async listEvents(query) {
      const { rows } = await pool.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events
         WHERE ($1::text IS NULL OR id < $1) AND ($2::text IS NULL OR type = $2) AND ($3::timestamptz IS NULL OR created_at >= $3)
         ORDER BY id DESC LIMIT $4`,
        [query.cursor ?? null, query.type ?? null, query.since ?? null, query.limit],
      );
      return rows.map(toEvent);
    },

    async getDelivery(id) {
      const { rows } = await pool.query<DeliveryRow>(
        `SELECT d.*, e.type AS event_type, s.url FROM deliveries d JOIN events e ON e.id = d.event_id
         JOIN subscriptions s ON s.id = d.subscription_id WHERE d.id = $1`,
        [id],
      );
      return rows[0] && toDelivery(rows[0]);
    },

    async listDeliveriesForEvent(eventId) {
      const { rows } = await pool.query<DeliveryRow>(
        `SELECT d.*, e.type AS event_type, s.url FROM deliveries d JOIN events e ON e.id = d.event_id
         JOIN subscriptions s ON s.id = d.subscription_id WHERE d.event_id = $1 ORDER BY d.id`,
        [eventId],
      );
      return rows.map(toDelivery);
    },

    async listAttempts(deliveryIds) {
      const { rows } = await pool.query<AttemptRow>(
        `SELECT delivery_id, attempt, started_at, response_status, latency_ms, response_body, error, outcome, next_attempt_at
         FROM delivery_attempts WHERE delivery_id = ANY ($1::text[]) ORDER BY delivery_id, attempt`,
        [deliveryIds],
      );
      return rows.map(toAttempt);
    },

    async requeueDelivery(id, at) {
      const result = await pool.query(
        `UPDATE deliveries SET status = 'pending', next_attempt_at = $1, retry_base = attempt, updated_at = $2
         WHERE id = $3 AND status <> 'delivering'
           AND subscription_id IN (SELECT id FROM subscriptions WHERE deleted_at IS NULL)`,
        [at.getTime(), at, id],
      );
      return result.rowCount === 1;
    },

    async requeueFailedSince(subscriptionId, since, at) {
      const result = await pool.query(
        `UPDATE deliveries SET status = 'pending', next_attempt_at = $1, retry_base = attempt, updated_at = $2
         WHERE subscription_id = $3 AND status IN ('failed', 'dead') AND created_at >= $4`,
        [at.getTime(), at, subscriptionId, since],
      );
      return result.rowCount ?? 0;
    },

    async claimDue(input) {
      const nowMs = input.now.getTime();
      // A claimer that counts the workers itself runs its own heartbeat; for any other, its claims are the heartbeat.
      if (input.workers === undefined && (lastBeat.get(input.owner) ?? -Infinity) + HEARTBEAT_EVERY_MS <= nowMs) {
        await workerPool.query({
          name: 'hookspec_worker_heartbeat',
          text: `INSERT INTO outbound_workers (owner, seen_at) VALUES ($1, $2)
            ON CONFLICT (owner) DO UPDATE SET seen_at = GREATEST(outbound_workers.seen_at, EXCLUDED.seen_at)`,
          values: [input.owner, nowMs],
        });
        lastBeat.set(input.owner, nowMs);
      }
      const liveWindowMs = Math.max(MIN_LIVE_WINDOW_MS, 2 * (input.leaseUntil.getTime() - nowMs));
      // Each live claimer gets an even share of every rate limit, which its limiter enforces (see README.md here).
      const { rows } = await workerPool.query<ClaimRow>({
        name: 'hookspec_claim_due',
        text: CLAIM_SQL,
        values: [
          nowMs,
          input.excludeSubscriptions,
          input.limit,
          input.owner,
          input.leaseUntil.getTime(),
          input.now,
          nowMs - liveWindowMs,
          input.perSubscriptionLimit ?? input.limit,
          input.limit * CLAIM_SCAN_FACTOR,
          input.rateWindowMs ?? null,
          input.workers ?? null,
          input.limit * CLAIM_EXAMINE_FACTOR,
        ],
      });
      // RETURNING order is not the pick order: restore "oldest due first" by id (time-sortable) for the caller.
      rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return rows.map(
        (r): ClaimedDelivery => ({
          id: r.id,
          attempt: r.attempt,
          schedule_attempt: r.attempt - r.retry_base,
          lease_owner: input.owner,
          lease_expires_at: r.lease_expires_at,
          // One object per event however many of its rows (this claim's or later ones') the worker holds.
          event: heldEvents.get(r.event_id) ?? heldEvents.hold({ id: r.event_id, type: r.event_type, data_json: r.data_json, created_at: r.event_created_at.toISOString() }),
          subscription: { id: r.subscription_id, url: r.url, secrets: r.secrets, rate_limit_per_second: r.rate_limit_per_second },
        }),
      );
    },

    async recordOutcomes(outcomes) {
      if (outcomes.length === 0) return [];
      if (outcomes.every((o) => o.result === 'delivered' && o.error === null)) return recordSuccesses(workerPool, outcomes);
      return inTransaction(workerPool, (client) => recordOutcomes(client, outcomes));
    },

    async releaseClaims(owner, ids, now, options = {}) {
      if (ids.length === 0) return 0;
      const result = await workerPool.query(
        `UPDATE deliveries d SET status = ${PENDING_UNLESS_DELETED}, lease_owner = NULL, lease_expires_at = NULL, attempt = attempt - $5,
           next_attempt_at = $1, updated_at = $2
         WHERE id = ANY ($3::text[]) AND lease_owner = $4 AND status = 'delivering'`,
        [now.getTime(), now, ids, owner, options.attempted ? 0 : 1],
      );
      return result.rowCount ?? 0;
    },

    async sweepExpiredLeases(now) {
      // SKIP LOCKED: a row being recorded right now is its owner's, and two sweepers never queue behind each other.
      const result = await workerPool.query(
        `UPDATE deliveries d SET status = ${PENDING_UNLESS_DELETED}, lease_owner = NULL, lease_expires_at = NULL, next_attempt_at = $1, updated_at = $2
         WHERE id IN (SELECT id FROM deliveries WHERE status = 'delivering' AND lease_expires_at < $1 FOR UPDATE SKIP LOCKED)`,
        [now.getTime(), now],
      );
      // Rows re-queued by an attempt that raced a delete of their subscription (see PENDING_UNLESS_DELETED).
      await workerPool.query(
        `UPDATE deliveries SET status = 'cancelled', next_attempt_at = NULL, updated_at = $1
         WHERE status = 'pending' AND subscription_id IN (SELECT id FROM subscriptions WHERE deleted_at > $2)`,
        [now, new Date(now.getTime() - SWEEP_DELETED_WINDOW_MS)],
      );
      await workerPool.query('DELETE FROM outbound_workers WHERE seen_at < $1', [now.getTime() - FORGET_WORKER_MS]);
      return result.rowCount ?? 0;
    },

    async purgeIdempotencyKeys(now) {
      const result = await pool.query('DELETE FROM idempotency_keys WHERE expires_at <= $1', [now.getTime()]);
      return result.rowCount ?? 0;
    },

    async heartbeat(owner, seenAt, liveWindowMs) {
      await workerPool.query({
        name: 'hookspec_worker_beat',
        text: `INSERT INTO outbound_workers (owner, seen_at) VALUES ($1, $2) ON CONFLICT (owner) DO UPDATE SET seen_at = EXCLUDED.seen_at`,
        values: [owner, seenAt.getTime()],
      });
      // A second statement, so of two workers beating at once the later count sees the other (one snapshot could miss both).
      const { rows } = await workerPool.query<{ n: number }>({
        name: 'hookspec_live_workers',
        text: 'SELECT count(*)::int AS n FROM outbound_workers WHERE seen_at > $1',
        values: [seenAt.getTime() - liveWindowMs],
      });
      return Math.max(1, rows[0]!.n);
    },
  };
}

async function updateSubscription(client: PostgresClient, id: string, patch: SubscriptionPatch): Promise<SubscriptionRecord | undefined> {
  const found = await client.query<SubscriptionRow>(
    `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
    [id],
  );
  if (!found.rows[0]) return undefined;
  const current = toSubscription(found.rows[0]);
  let { status, disabled_reason, failing_since } = current;
  if (patch.disabled === true && status === 'active') [status, disabled_reason] = ['disabled', 'manual'];
  if (patch.disabled === false) [status, disabled_reason, failing_since] = ['active', null, null];
  const { rows } = await client.query<SubscriptionRow>(
    `UPDATE subscriptions SET url = $2, events = $3, description = $4, metadata = $5, rate_limit_per_second = $6, status = $7,
       disabled_reason = $8, failing_since = $9, updated_at = $10
     WHERE id = $1 AND deleted_at IS NULL RETURNING ${SUBSCRIPTION_COLUMNS}`,
    [
      id,
      patch.url ?? current.url,
      JSON.stringify(patch.events ?? current.events),
      patch.description !== undefined ? patch.description : current.description,
      JSON.stringify(patch.metadata ?? current.metadata),
      patch.rate_limit_per_second !== undefined ? patch.rate_limit_per_second : current.rate_limit_per_second,
      status,
      disabled_reason,
      failing_since,
      patch.updated_at,
    ],
  );
  return toSubscription(rows[0]!);
}

/**
 * The outbox write. With an idempotency key, the key row is inserted last with ON CONFLICT: when another instance
 * committed the same key first, this event is rolled back (to a savepoint) and that instance's event is the answer.
 */
async function insertEvent(client: PostgresClient, input: NewEvent): Promise<InsertEventResult> {
  const nowMs = input.created_at.getTime();
  if (input.idempotency) {
    const seen = await lookupIdempotency(client, input.idempotency.key, nowMs, input.idempotency.request_hash);
    if (seen) return seen;
    await client.query('SAVEPOINT before_event');
  }
  await client.query('INSERT INTO events (id, type, data_json, created_at) VALUES ($1, $2, $3, $4)', [
    input.id,
    input.type,
    input.data_json,
    input.created_at,
  ]);
  const targets = input.only_subscription_id
    ? await client.query<{ id: string }>('SELECT id FROM subscriptions WHERE id = $1 AND deleted_at IS NULL', [input.only_subscription_id])
    : await client.query<{ id: string }>({
        name: 'hookspec_matching_subscriptions',
        text: `SELECT id FROM subscriptions WHERE status = 'active' AND deleted_at IS NULL AND (events ? $1 OR events ? '*')`,
        values: [input.type],
      });
  const subscriptionIds = targets.rows.map((r) => r.id);
  if (subscriptionIds.length > 0) {
    await client.query({
      name: 'hookspec_insert_deliveries',
      text: `INSERT INTO deliveries (id, event_id, subscription_id, status, next_attempt_at, created_at, updated_at)
        SELECT d.id, $2, d.subscription_id, 'pending', $3, $4, $4 FROM unnest($1::text[], $5::text[]) AS d(id, subscription_id)`,
      values: [subscriptionIds.map(() => input.newDeliveryId()), input.id, nowMs, input.created_at, subscriptionIds],
    });
  }
  if (input.idempotency) {
    const claimed = await client.query(
      `INSERT INTO idempotency_keys (key, request_hash, event_id, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET request_hash = EXCLUDED.request_hash, event_id = EXCLUDED.event_id, expires_at = EXCLUDED.expires_at
       WHERE idempotency_keys.expires_at <= $5`,
      [input.idempotency.key, storedRequestHash(input.idempotency.request_hash), input.id, input.idempotency.expires_at.getTime(), nowMs],
    );
    if (claimed.rowCount === 0) {
      await client.query('ROLLBACK TO SAVEPOINT before_event');
      const winner = await lookupIdempotency(client, input.idempotency.key, nowMs, input.idempotency.request_hash);
      if (winner) return winner;
      throw new Error(`Idempotency key ${input.idempotency.key} was taken and then vanished; retry the request`);
    }
  }
  const event: EventRecord = { id: input.id, type: input.type, data_json: input.data_json, created_at: input.created_at.toISOString() };
  return { kind: 'created', event, deliveries: subscriptionIds.length };
}

/** A live key answers with its event (same request) or a conflict (different request); an expired one is ignored. */
async function lookupIdempotency(
  client: PostgresClient,
  key: string,
  nowMs: number,
  requestHash: string | null,
): Promise<InsertEventResult | undefined> {
  const { rows } = await client.query<EventRow & { request_hash: string }>(
    `SELECT k.request_hash, e.id, e.type, e.data_json, e.created_at FROM idempotency_keys k JOIN events e ON e.id = k.event_id
     WHERE k.key = $1 AND k.expires_at > $2`,
    [key, nowMs],
  );
  const seen = rows[0];
  if (!seen) return undefined;
  if (isIdempotencyConflict(seen.request_hash, requestHash)) return { kind: 'conflict' };
  return { kind: 'replayed', event: toEvent(seen) };
}

/** The all-success batch (the steady state under load) as one statement; see RECORD_SUCCESSES_SQL. */
async function recordSuccesses(pool: PostgresPool, outcomes: AttemptOutcome[]): Promise<OutcomeEffect[]> {
  const { rows } = await pool.query<{ id: string }>({
    name: 'hookspec_record_successes',
    text: RECORD_SUCCESSES_SQL,
    values: [
      outcomes.map((o) => o.delivery_id),
      outcomes.map((o) => o.owner),
      outcomes.map((o) => o.attempt),
      outcomes.map((o) => o.response_status),
      outcomes.map((o) => o.started_at),
      outcomes.map((o) => o.finished_at),
      outcomes.map((o) => Math.round(o.latency_ms)),
      outcomes.map((o) => o.response_body),
      outcomes.map((o) => o.kind),
      outcomes.map((o) => o.subscription_id),
    ],
  });
  const applied = new Set(rows.map((r) => r.id));
  return outcomes.map((o) => ({ delivery_id: o.delivery_id, applied: applied.has(o.delivery_id) }));
}

/**
 * Applies a batch of outcomes: one fenced UPDATE and one INSERT for all of them, then the failure clock: one
 * statement for subscriptions with only successes, outcome by outcome (in subscription id order) for the others.
 */
async function recordOutcomes(client: PostgresClient, outcomes: AttemptOutcome[]): Promise<OutcomeEffect[]> {
  const updated = await client.query<{ id: string }>({
    name: 'hookspec_record_results',
    text: RECORD_RESULTS_SQL,
    values: [
      outcomes.map((o) => o.delivery_id),
      outcomes.map((o) => o.owner),
      outcomes.map((o) => o.attempt),
      outcomes.map((o) => RESULT_STATUS[o.result]),
      outcomes.map((o) => o.next_attempt_at?.getTime() ?? null),
      outcomes.map((o) => o.response_status),
      outcomes.map((o) => o.error),
      outcomes.map((o) => o.finished_at),
    ],
  });
  const appliedIds = new Set(updated.rows.map((r) => r.id));
  // A delivery appears once per batch: its lease and attempt fence admit one outcome.
  const applied = outcomes.filter((o) => appliedIds.has(o.delivery_id));
  if (applied.length > 0) {
    await client.query({
      name: 'hookspec_insert_attempts',
      text: INSERT_ATTEMPTS_SQL,
      values: [
        applied.map((o) => o.delivery_id),
        applied.map((o) => o.attempt),
        applied.map((o) => o.started_at),
        applied.map((o) => o.response_status),
        applied.map((o) => Math.round(o.latency_ms)),
        applied.map((o) => o.response_body),
        applied.map((o) => o.error),
        applied.map((o) => o.kind),
        applied.map((o) => o.next_attempt_at),
      ],
    });
  }
  const disabled = new Map<AttemptOutcome, NonNullable<OutcomeEffect['disabled_subscription']>>();
  const bySubscription = new Map<string, AttemptOutcome[]>();
  for (const o of applied) bySubscription.set(o.subscription_id, [...(bySubscription.get(o.subscription_id) ?? []), o]);
  const ids = [...bySubscription.keys()].sort();
  // The common case, only successes: one statement, and it locks nothing unless a failure clock was running.
  const allDelivered = ids.filter((id) => bySubscription.get(id)!.every((o) => o.result === 'delivered'));
  if (allDelivered.length > 0) {
    await client.query({
      name: 'hookspec_clear_failing',
      text: 'UPDATE subscriptions SET failing_since = NULL WHERE id = ANY ($1::text[]) AND failing_since IS NOT NULL',
      values: [allDelivered],
    });
  }
  const withFailures = ids.filter((id) => !allDelivered.includes(id)).map((id) => bySubscription.get(id)!);
  if (withFailures.length > 0) for (const [o, effect] of await applyFailureClocks(client, withFailures)) disabled.set(o, effect);
  return outcomes.map((o) => {
    const effect: OutcomeEffect = { delivery_id: o.delivery_id, applied: appliedIds.has(o.delivery_id) };
    const sub = disabled.get(o);
    if (sub) effect.disabled_subscription = sub;
    return effect;
  });
}

type DisabledSubscription = NonNullable<OutcomeEffect['disabled_subscription']>;

/**
 * The failure clocks of the subscriptions with a failure in the batch, in two statements however many outcomes it holds:
 * lock and read their rows (in id order), apply each one's outcomes in order here (a success clears the clock, a failure
 * starts it, maybe disables), write the changed rows back at once. Statements per outcome kept the batch's transaction,
 * and every outcome queued behind it, open for seconds under load.
 */
async function applyFailureClocks(client: PostgresClient, lists: AttemptOutcome[][]): Promise<Map<AttemptOutcome, DisabledSubscription>> {
  const { rows } = await client.query<{ id: string; url: string; active: boolean; failing_since: Date | null }>({
    name: 'hookspec_lock_failure_clocks',
    text: `SELECT id, url, status = 'active' AND deleted_at IS NULL AS active, failing_since FROM subscriptions
      WHERE id = ANY ($1::text[]) ORDER BY id FOR UPDATE`,
    values: [lists.map((list) => list[0]!.subscription_id)],
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const effects = new Map<AttemptOutcome, DisabledSubscription>();
  const changed: { id: string; failing_since: Date | null; reason: string | null; at: Date | null }[] = [];
  for (const list of lists) {
    const row = byId.get(list[0]!.subscription_id);
    if (!row) continue;
    let { active, failing_since } = row;
    let disabled: { reason: string; at: Date } | null = null;
    for (const o of list) {
      if (o.result === 'delivered') {
        failing_since = null;
        continue;
      }
      failing_since ??= o.started_at;
      if (!active) continue;
      const reason = o.disable_reason ?? (o.disable_if_failing_since_before && failing_since <= o.disable_if_failing_since_before ? 'failing' : undefined);
      if (!reason) continue;
      active = false;
      disabled = { reason, at: o.finished_at };
      effects.set(o, { id: row.id, url: row.url, reason, failing_since: failing_since.toISOString() });
    }
    if (disabled || failing_since?.getTime() !== row.failing_since?.getTime()) {
      changed.push({ id: row.id, failing_since, reason: disabled?.reason ?? null, at: disabled?.at ?? null });
    }
  }
  if (changed.length > 0) {
    await client.query({
      name: 'hookspec_write_failure_clocks',
      text: `UPDATE subscriptions s SET failing_since = v.failing_since,
          status = CASE WHEN v.reason IS NULL THEN s.status ELSE 'disabled' END, disabled_reason = COALESCE(v.reason, s.disabled_reason),
          updated_at = COALESCE(v.at, s.updated_at)
        FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::timestamptz[]) AS v(id, failing_since, reason, at)
        WHERE s.id = v.id`,
      values: [changed.map((c) => c.id), changed.map((c) => c.failing_since), changed.map((c) => c.reason), changed.map((c) => c.at)],
    });
  }
  return effects;
}

function toSubscription(row: SubscriptionRow): SubscriptionRecord {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    metadata: row.metadata,
    rate_limit_per_second: row.rate_limit_per_second,
    secrets: row.secrets,
    status: row.status,
    disabled_reason: row.disabled_reason,
    failing_since: row.failing_since?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function toEvent(row: EventRow): EventRecord {
  return { id: row.id, type: row.type, data_json: row.data_json, created_at: row.created_at.toISOString() };
}

function toDelivery(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    event_id: row.event_id,
    event_type: row.event_type,
    subscription_id: row.subscription_id,
    url: row.url,
    status: row.status,
    attempts: row.attempt,
    next_attempt_at: row.next_attempt_at === null ? null : new Date(Number(row.next_attempt_at)).toISOString(),
    last_response_status: row.last_response_status,
    last_error: row.last_error,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function toAttempt(row: AttemptRow): AttemptRecord {
  return {
    delivery_id: row.delivery_id,
    attempt: row.attempt,
    started_at: row.started_at.toISOString(),
    response_status: row.response_status,
    latency_ms: row.latency_ms,
    response_body: row.response_body,
    error: row.error,
    outcome: row.outcome,
    next_attempt_at: row.next_attempt_at?.toISOString() ?? null,
  };
}
