import type {
  AttemptOutcome,
  AttemptRecord,
  ClaimedDelivery,
  ClaimInput,
  DeliveryRecord,
  EventRecord,
  InsertEventResult,
  NewEvent,
  NewSubscription,
  OutboundStore,
  OutcomeEffect,
  PageQuery,
  SubscriptionPatch,
  SubscriptionRecord,
  SubscriptionSecret,
} from '../outbound-store.js';
import { HeldEvents, isIdempotencyConflict, storedRequestHash } from '../outbound-store.js';
import type { SqliteDatabase } from './database.js';
import { createLockWait } from './lock-wait.js';
import { createSqliteFindStaleSubscriptions } from './stale-subscriptions.js';

interface SubscriptionRow {
  id: string;
  url: string;
  events: string;
  description: string | null;
  metadata: string;
  rate_limit_per_second: number | null;
  secrets: string;
  status: 'active' | 'disabled';
  disabled_reason: string | null;
  failing_since: string | null;
  created_at: string;
  updated_at: string;
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
  created_at: string;
  updated_at: string;
}

/** A claim looks at this many due rows per row it may take, to find work for other subscriptions. */
const CLAIM_SCAN_FACTOR = 2;
/**
 * It reads at most this many due rows per row it may take, eligible or not: past them it looks subscription by
 * subscription, so a disabled or saturated subscription's backlog is not walked on every poll.
 */
const CLAIM_EXAMINE_FACTOR = 4;
/** Heartbeats of workers gone this long are deleted by the sweeper. */
const FORGET_WORKER_MS = 3_600_000;

/** A claimer's share of a rate limit: an even split among the live workers it counted. */
function share(rate: number | null, workers = 1): number | null {
  return rate === null ? null : rate / workers;
}

const RESULT_STATUS = { delivered: 'succeeded', retry: 'pending', dead: 'dead', failed: 'failed' } as const;

/** Leases the rows `candidates` selects, at most @per_subscription of each subscription (fewer at a rate limit) and @limit in all. */
const claimSql = (candidates: string) => `UPDATE deliveries SET status = 'delivering', lease_owner = @owner, lease_expires_at = @lease_until,
        attempt = attempt + 1, updated_at = @now
      WHERE id IN (
        SELECT id FROM (
          SELECT c.id, c.next_attempt_at, c.rate, ROW_NUMBER() OVER (PARTITION BY c.subscription_id ORDER BY c.next_attempt_at) AS rn
          FROM (${candidates}) c)
        WHERE rn <= CASE WHEN rate IS NULL OR @rate_window_ms IS NULL THEN @per_subscription
          ELSE min(@per_subscription, max(1, CAST(rate * @rate_window_ms / 1000 / @workers AS INTEGER))) END
        ORDER BY next_attempt_at LIMIT @limit)
      RETURNING id, event_id, subscription_id, attempt, retry_base, lease_expires_at`;

/** The outbound store on one better-sqlite3 connection; each operation is one prepared statement or one transaction. */
/**
 * The status of a delivery going back to the queue: cancelled when its subscription was deleted meanwhile. The
 * delete cancels the rows that were pending then; one on the wire at that moment would otherwise wait for ever.
 */
const PENDING_UNLESS_DELETED = `CASE WHEN EXISTS (SELECT 1 FROM subscriptions s WHERE s.id = deliveries.subscription_id AND s.deleted_at IS NOT NULL)
  THEN 'cancelled' ELSE 'pending' END`;

export function createSqliteOutboundStore(db: SqliteDatabase): OutboundStore {
  // Claims reuse the events their worker still holds instead of reading (and keeping) another copy of each.
  const heldEvents = new HeldEvents();
  const sql = {
    insertSubscription: db.prepare(`INSERT INTO subscriptions
      (id, url, events, description, metadata, rate_limit_per_second, secrets, status, created_at, updated_at)
      VALUES (@id, @url, @events, @description, @metadata, @rate_limit_per_second, @secrets, 'active', @created_at, @created_at)`),
    getSubscription: db.prepare('SELECT * FROM subscriptions WHERE id = ? AND deleted_at IS NULL'),
    listSubscriptions: db.prepare(`SELECT * FROM subscriptions WHERE deleted_at IS NULL AND (@cursor IS NULL OR id < @cursor)
      ORDER BY id DESC LIMIT @limit`),
    writeSubscription: db.prepare(`UPDATE subscriptions SET url = @url, events = @events, description = @description,
      metadata = @metadata, rate_limit_per_second = @rate_limit_per_second, status = @status, disabled_reason = @disabled_reason,
      failing_since = @failing_since, updated_at = @updated_at WHERE id = @id AND deleted_at IS NULL`),
    deleteSubscription: db.prepare('UPDATE subscriptions SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL'),
    cancelPending: db.prepare(`UPDATE deliveries SET status = 'cancelled', next_attempt_at = NULL, updated_at = ?
      WHERE subscription_id = ? AND status = 'pending'`),
    setSecrets: db.prepare('UPDATE subscriptions SET secrets = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL'),
    allSecrets: db.prepare('SELECT id, secrets FROM subscriptions'),
    replaceSecrets: db.prepare('UPDATE subscriptions SET secrets = ? WHERE id = ? AND secrets = ?'),
    disable: db.prepare(`UPDATE subscriptions SET status = 'disabled', disabled_reason = @reason, updated_at = @at
      WHERE id = @id AND status = 'active' AND deleted_at IS NULL`),
    disableIfFailingSince: db.prepare(`UPDATE subscriptions SET status = 'disabled', disabled_reason = @reason, updated_at = @at
      WHERE id = @id AND status = 'active' AND deleted_at IS NULL AND failing_since IS NOT NULL AND failing_since <= @before`),
    markFailing: db.prepare('UPDATE subscriptions SET failing_since = ? WHERE id = ? AND failing_since IS NULL'),
    clearFailing: db.prepare('UPDATE subscriptions SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL'),

    getIdempotency: db.prepare('SELECT request_hash, event_id, expires_at FROM idempotency_keys WHERE key = ?'),
    deleteIdempotency: db.prepare('DELETE FROM idempotency_keys WHERE key = ?'),
    insertIdempotency: db.prepare('INSERT INTO idempotency_keys (key, request_hash, event_id, expires_at) VALUES (?, ?, ?, ?)'),
    purgeIdempotency: db.prepare('DELETE FROM idempotency_keys WHERE expires_at <= ?'),
    insertEvent: db.prepare('INSERT INTO events (id, type, data_json, created_at) VALUES (?, ?, ?, ?)'),
    matchingSubscriptions: db.prepare(`SELECT s.id FROM subscriptions s WHERE s.status = 'active' AND s.deleted_at IS NULL
      AND EXISTS (SELECT 1 FROM json_each(s.events) e WHERE e.value = ? OR e.value = '*')`).pluck(),
    matchingSubscriptionsToLease: db.prepare(`SELECT s.id, s.url, s.secrets, s.rate_limit_per_second FROM subscriptions s
      WHERE s.status = 'active' AND s.deleted_at IS NULL
      AND EXISTS (SELECT 1 FROM json_each(s.events) e WHERE e.value = ? OR e.value = '*')`),
    existingSubscription: db.prepare('SELECT id FROM subscriptions WHERE id = ? AND deleted_at IS NULL').pluck(),
    insertLeasedDelivery: db.prepare(`INSERT INTO deliveries
      (id, event_id, subscription_id, status, attempt, next_attempt_at, lease_owner, lease_expires_at, created_at, updated_at)
      VALUES (?, ?, ?, 'delivering', 1, ?, ?, ?, ?, ?)`),
    insertDelivery: db.prepare(`INSERT INTO deliveries (id, event_id, subscription_id, status, next_attempt_at, created_at, updated_at)
      VALUES (?, ?, ?, 'pending', ?, ?, ?)`),
    getEvent: db.prepare('SELECT id, type, data_json, created_at FROM events WHERE id = ?'),
    listEvents: db.prepare(`SELECT id, type, data_json, created_at FROM events
      WHERE (@cursor IS NULL OR id < @cursor) AND (@type IS NULL OR type = @type) AND (@since IS NULL OR created_at >= @since)
      ORDER BY id DESC LIMIT @limit`),

    getDelivery: db.prepare(`SELECT d.*, e.type AS event_type, s.url AS url FROM deliveries d JOIN events e ON e.id = d.event_id
      JOIN subscriptions s ON s.id = d.subscription_id WHERE d.id = ?`),
    listDeliveriesForEvent: db.prepare(`SELECT d.*, e.type AS event_type, s.url AS url FROM deliveries d JOIN events e ON e.id = d.event_id
      JOIN subscriptions s ON s.id = d.subscription_id
      WHERE d.event_id = ? ORDER BY d.id`),
    listAttempts: db.prepare(`SELECT * FROM delivery_attempts WHERE delivery_id IN (SELECT value FROM json_each(?))
      ORDER BY delivery_id, attempt`),
    requeueDelivery: db.prepare(`UPDATE deliveries SET status = 'pending', next_attempt_at = @at_ms, retry_base = attempt, updated_at = @at
      WHERE id = @id AND status <> 'delivering'
      AND subscription_id IN (SELECT id FROM subscriptions WHERE deleted_at IS NULL)`),
    requeueFailedSince: db.prepare(`UPDATE deliveries SET status = 'pending', next_attempt_at = @at_ms, retry_base = attempt, updated_at = @at
      WHERE subscription_id = @subscription_id AND status IN ('failed', 'dead') AND created_at >= @since`),

    // Due rows of active subscriptions, at most @per_subscription each (window over a bounded scan of the due index,
    // which reads at most @examine due rows of any subscription).
    claim: db.prepare(claimSql(`SELECT d.id, d.subscription_id, d.next_attempt_at, s.rate_limit_per_second AS rate
            FROM (SELECT id, subscription_id, next_attempt_at FROM deliveries WHERE status = 'pending' AND next_attempt_at <= @now_ms
              ORDER BY next_attempt_at LIMIT @examine) d
            JOIN subscriptions s ON s.id = d.subscription_id
            WHERE s.status = 'active' AND s.deleted_at IS NULL AND d.subscription_id NOT IN (SELECT value FROM json_each(@exclude))
            ORDER BY d.next_attempt_at LIMIT @scan`)),
    // The same, subscription by subscription: each eligible one's earliest due rows, read from its own index range
    // (CROSS JOIN keeps subscriptions the outer loop; otherwise the window's PARTITION BY makes SQLite scan every delivery).
    claimBySubscription: db.prepare(claimSql(`SELECT d.id, d.subscription_id, d.next_attempt_at, s.rate_limit_per_second AS rate
            FROM subscriptions s CROSS JOIN deliveries d ON d.rowid IN (
              SELECT rowid FROM deliveries INDEXED BY deliveries_subscription_due
              WHERE subscription_id = s.id AND status = 'pending' AND next_attempt_at <= @now_ms ORDER BY next_attempt_at LIMIT @per_subscription)
            WHERE s.status = 'active' AND s.deleted_at IS NULL AND s.id NOT IN (SELECT value FROM json_each(@exclude))`)),
    // Whether due rows remain past the ones the bounded scan read (@offset: how many of those are still pending).
    dueBeyond: db.prepare(`SELECT 1 FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT 1 OFFSET ?`).pluck(),
    eventsByIds: db.prepare('SELECT id, type, data_json, created_at FROM events WHERE id IN (SELECT value FROM json_each(?))'),
    subscriptionsByIds: db.prepare(`SELECT id, url, secrets, rate_limit_per_second FROM subscriptions
      WHERE id IN (SELECT value FROM json_each(?))`),
    // Positional parameters: these two run once per attempt, and binding by position is cheaper than by name.
    recordResult: db.prepare(`UPDATE deliveries SET status = CASE ? WHEN 'pending' THEN ${PENDING_UNLESS_DELETED} ELSE ? END, next_attempt_at = ?, lease_owner = NULL,
        lease_expires_at = NULL, last_response_status = ?, last_error = ?, updated_at = ?
      WHERE id = ? AND lease_owner = ? AND attempt = ? AND status = 'delivering'`),
    insertAttempt: db.prepare(`INSERT OR REPLACE INTO delivery_attempts
      (delivery_id, attempt, started_at, response_status, latency_ms, response_body, error, outcome, next_attempt_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    subscriptionForEffect: db.prepare('SELECT id, url, failing_since FROM subscriptions WHERE id = ?'),
    release: db.prepare(`UPDATE deliveries SET status = ${PENDING_UNLESS_DELETED}, lease_owner = NULL, lease_expires_at = NULL, attempt = attempt - @undo,
        next_attempt_at = @now_ms, updated_at = @now
      WHERE id IN (SELECT value FROM json_each(@ids)) AND lease_owner = @owner AND status = 'delivering'`),
    sweep: db.prepare(`UPDATE deliveries SET status = ${PENDING_UNLESS_DELETED}, lease_owner = NULL, lease_expires_at = NULL, next_attempt_at = @now_ms,
        updated_at = @now
      WHERE status = 'delivering' AND lease_expires_at < @now_ms`),
    beat: db.prepare('INSERT INTO outbound_workers (owner, seen_at) VALUES (?, ?) ON CONFLICT (owner) DO UPDATE SET seen_at = excluded.seen_at'),
    liveWorkers: db.prepare('SELECT count(*) FROM outbound_workers WHERE seen_at > ?').pluck(),
    forgetWorkers: db.prepare('DELETE FROM outbound_workers WHERE seen_at < ?'),
  };

  const insertEvent = db.transaction((input: NewEvent): InsertEventResult => {
    const createdAt = input.created_at.toISOString();
    if (input.idempotency) {
      const seen = sql.getIdempotency.get(input.idempotency.key) as { request_hash: string; event_id: string; expires_at: number } | undefined;
      if (seen && seen.expires_at > input.created_at.getTime()) {
        if (isIdempotencyConflict(seen.request_hash, input.idempotency.request_hash)) return { kind: 'conflict' };
        return { kind: 'replayed', event: sql.getEvent.get(seen.event_id) as EventRecord };
      }
      if (seen) sql.deleteIdempotency.run(input.idempotency.key);
    }
    sql.insertEvent.run(input.id, input.type, input.data_json, createdAt);
    const event = heldEvents.hold({ id: input.id, type: input.type, data_json: input.data_json, created_at: createdAt });
    if (input.lease && !input.only_subscription_id) return insertLeased(input, input.lease, event);
    const targets = input.only_subscription_id
      ? (sql.existingSubscription.all(input.only_subscription_id) as string[])
      : (sql.matchingSubscriptions.all(input.type) as string[]);
    const dueMs = input.created_at.getTime();
    for (const subscriptionId of targets) {
      sql.insertDelivery.run(input.newDeliveryId(), input.id, subscriptionId, dueMs, createdAt, createdAt);
    }
    if (input.idempotency) {
      sql.insertIdempotency.run(input.idempotency.key, storedRequestHash(input.idempotency.request_hash), input.id, input.idempotency.expires_at.getTime());
    }
    return { kind: 'created', event, deliveries: targets.length };
  });

  /** The rest of `insertEvent` when the local worker takes the new deliveries under a lease at once. */
  function insertLeased(input: NewEvent, lease: NonNullable<NewEvent['lease']>, event: EventRecord): InsertEventResult {
    const createdAt = event.created_at;
    const dueMs = input.created_at.getTime();
    const leaseUntil = lease.until.getTime();
    const leased: ClaimedDelivery[] = [];
    const targets = sql.matchingSubscriptionsToLease.all(input.type) as Pick<SubscriptionRow, 'id' | 'url' | 'secrets' | 'rate_limit_per_second'>[];
    for (const s of targets) {
      const id = input.newDeliveryId();
      if (lease.excludeSubscriptions.has(s.id) || (lease.admit !== undefined && !lease.admit())) {
        sql.insertDelivery.run(id, input.id, s.id, dueMs, createdAt, createdAt);
        continue;
      }
      sql.insertLeasedDelivery.run(id, input.id, s.id, dueMs, lease.owner, leaseUntil, createdAt, createdAt);
      leased.push({
        id,
        attempt: 1,
        schedule_attempt: 1,
        lease_owner: lease.owner,
        lease_expires_at: leaseUntil,
        event,
        subscription: { id: s.id, url: s.url, secrets: parseSecrets(s.secrets), rate_limit_per_second: share(s.rate_limit_per_second, lease.workers) },
      });
    }
    if (input.idempotency) {
      sql.insertIdempotency.run(input.idempotency.key, storedRequestHash(input.idempotency.request_hash), input.id, input.idempotency.expires_at.getTime());
    }
    return { kind: 'created', event, deliveries: targets.length, leased };
  }

  /** Parsed secret lists by their JSON text: every event would otherwise parse the same few lists again. */
  const secretLists = new Map<string, SubscriptionSecret[]>();
  function parseSecrets(json: string): SubscriptionSecret[] {
    let secrets = secretLists.get(json);
    if (!secrets) {
      if (secretLists.size >= 10_000) secretLists.clear();
      secrets = JSON.parse(json) as SubscriptionSecret[];
      secretLists.set(json, secrets);
    }
    return secrets;
  }

  // Waiting for another process's write lock must not stop this one from serving requests meanwhile.
  const withLock = createLockWait(db);

  // Group commit: publishes arriving in the same turn of the event loop share one transaction (and its WAL pages).
  const insertEvents = db.transaction((inputs: NewEvent[]): InsertEventResult[] => inputs.map((input) => insertEvent(input)));
  let queued: { input: NewEvent; resolve: (r: InsertEventResult) => void; reject: (e: unknown) => void }[] = [];
  // Batches commit one after another, in the order they were published, even while one waits for the lock.
  let flushing: Promise<void> = Promise.resolve();
  async function flushInserts(): Promise<void> {
    const batch = queued;
    queued = [];
    try {
      // IMMEDIATE: the idempotency lookup reads before the first write, and a deferred transaction that reads first
      // fails with SQLITE_BUSY_SNAPSHOT (no busy wait) when another process commits in between.
      const results = await withLock(() => insertEvents.immediate(batch.map((b) => b.input)));
      batch.forEach((b, i) => b.resolve(results[i]!));
    } catch {
      // One bad insert must not fail the others: retry each on its own.
      for (const b of batch) {
        try {
          b.resolve(await withLock(() => insertEvent.immediate(b.input)));
        } catch (err) {
          b.reject(err);
        }
      }
    }
  }

  const updateSubscription = db.transaction((id: string, patch: SubscriptionPatch): SubscriptionRecord | undefined => {
    const row = sql.getSubscription.get(id) as SubscriptionRow | undefined;
    if (!row) return undefined;
    const current = toSubscription(row);
    let { status, disabled_reason, failing_since } = current;
    if (patch.disabled === true && status === 'active') [status, disabled_reason] = ['disabled', 'manual'];
    if (patch.disabled === false) [status, disabled_reason, failing_since] = ['active', null, null];
    sql.writeSubscription.run({
      id,
      url: patch.url ?? current.url,
      events: JSON.stringify(patch.events ?? current.events),
      description: patch.description !== undefined ? patch.description : current.description,
      metadata: JSON.stringify(patch.metadata ?? current.metadata),
      rate_limit_per_second: patch.rate_limit_per_second !== undefined ? patch.rate_limit_per_second : current.rate_limit_per_second,
      status,
      disabled_reason,
      failing_since,
      updated_at: patch.updated_at.toISOString(),
    });
    return toSubscription(sql.getSubscription.get(id) as SubscriptionRow);
  });

  const deleteSubscription = db.transaction((id: string, at: Date): boolean => {
    const iso = at.toISOString();
    if (sql.deleteSubscription.run(iso, iso, id).changes === 0) return false;
    sql.cancelPending.run(iso, id);
    return true;
  });

  type ClaimedRow = { id: string; event_id: string; subscription_id: string; attempt: number; retry_base: number; lease_expires_at: number };
  const claim = db.transaction((input: ClaimInput): ClaimedDelivery[] => {
    const params = {
      owner: input.owner,
      lease_until: input.leaseUntil.getTime(),
      now: input.now.toISOString(),
      now_ms: input.now.getTime(),
      exclude: JSON.stringify(input.excludeSubscriptions),
      limit: input.limit,
      per_subscription: input.perSubscriptionLimit ?? input.limit,
      rate_window_ms: input.rateWindowMs ?? null,
      workers: input.workers ?? 1,
      scan: input.limit * CLAIM_SCAN_FACTOR,
      examine: input.limit * CLAIM_EXAMINE_FACTOR,
    };
    const rows = sql.claim.all(params) as ClaimedRow[];
    // Short of the limit while due rows remain past the scan's bound: those may belong to subscriptions it never reached.
    if (rows.length < input.limit && sql.dueBeyond.get(params.now_ms, params.examine - rows.length) !== undefined) {
      // Subscriptions already served here are left out, so none gets more than its share of this claim.
      const served = [...input.excludeSubscriptions, ...new Set(rows.map((r) => r.subscription_id))];
      rows.push(...(sql.claimBySubscription.all({ ...params, exclude: JSON.stringify(served), limit: input.limit - rows.length }) as ClaimedRow[]));
    }
    if (rows.length === 0) return [];
    // Only events no local claim still holds are read: a re-claim must not load another copy of a large event.
    const events = new Map<string, EventRecord | undefined>();
    const unheld: string[] = [];
    for (const r of rows) {
      if (events.has(r.event_id)) continue;
      const held = heldEvents.get(r.event_id);
      events.set(r.event_id, held);
      if (!held) unheld.push(r.event_id);
    }
    if (unheld.length > 0) for (const e of sql.eventsByIds.all(JSON.stringify(unheld)) as EventRecord[]) events.set(e.id, heldEvents.hold(e));
    const subscriptions = new Map(
      (sql.subscriptionsByIds.all(JSON.stringify([...new Set(rows.map((r) => r.subscription_id))])) as SubscriptionRow[]).map((s) => [
        s.id,
        { id: s.id, url: s.url, secrets: JSON.parse(s.secrets) as SubscriptionSecret[], rate_limit_per_second: share(s.rate_limit_per_second, input.workers) },
      ]),
    );
    return rows.map((r) => ({
      id: r.id,
      attempt: r.attempt,
      schedule_attempt: r.attempt - r.retry_base,
      lease_owner: input.owner,
      lease_expires_at: r.lease_expires_at,
      event: events.get(r.event_id)!,
      subscription: subscriptions.get(r.subscription_id)!,
    }));
  });

  // Counted after this worker's own row is written, under the write lock: of two workers joining, the later sees both.
  const heartbeat = db.transaction((owner: string, seenAtMs: number, liveWindowMs: number): number => {
    sql.beat.run(owner, seenAtMs);
    return Math.max(1, sql.liveWorkers.get(seenAtMs - liveWindowMs) as number);
  });

  const recordOutcomes = db.transaction((outcomes: AttemptOutcome[]): OutcomeEffect[] => {
    // Subscriptions whose failure clock this batch already cleared: a second success changes nothing, so skip it.
    const cleared = new Set<string>();
    return outcomes.map((o) => {
      const at = o.finished_at.toISOString();
      const applied =
        sql.recordResult.run(
          RESULT_STATUS[o.result],
          RESULT_STATUS[o.result],
          o.next_attempt_at?.getTime() ?? null,
          o.response_status,
          o.error,
          at,
          o.delivery_id,
          o.owner,
          o.attempt,
        ).changes === 1;
      if (!applied) return { delivery_id: o.delivery_id, applied };
      sql.insertAttempt.run(
        o.delivery_id,
        o.attempt,
        o.started_at.toISOString(),
        o.response_status,
        Math.round(o.latency_ms),
        o.response_body,
        o.error,
        o.kind,
        o.next_attempt_at?.toISOString() ?? null,
      );
      if (o.result === 'delivered') {
        if (!cleared.has(o.subscription_id)) {
          sql.clearFailing.run(o.subscription_id);
          cleared.add(o.subscription_id);
        }
        return { delivery_id: o.delivery_id, applied };
      }
      cleared.delete(o.subscription_id);
      sql.markFailing.run(o.started_at.toISOString(), o.subscription_id);
      let disabled: string | undefined;
      if (o.disable_reason && sql.disable.run({ id: o.subscription_id, reason: o.disable_reason, at }).changes === 1) {
        disabled = o.disable_reason;
      } else if (
        o.disable_if_failing_since_before &&
        sql.disableIfFailingSince.run({ id: o.subscription_id, reason: 'failing', at, before: o.disable_if_failing_since_before.toISOString() })
          .changes === 1
      ) {
        disabled = 'failing';
      }
      if (!disabled) return { delivery_id: o.delivery_id, applied };
      const sub = sql.subscriptionForEffect.get(o.subscription_id) as { id: string; url: string; failing_since: string | null };
      return { delivery_id: o.delivery_id, applied, disabled_subscription: { ...sub, reason: disabled } };
    });
  });

  return {
    async createSubscription(input: NewSubscription) {
      const created = input.created_at.toISOString();
      await withLock(() => sql.insertSubscription.run({
        id: input.id,
        url: input.url,
        events: JSON.stringify(input.events),
        description: input.description,
        metadata: JSON.stringify(input.metadata),
        rate_limit_per_second: input.rate_limit_per_second,
        secrets: JSON.stringify([{ secret: input.secret, expires_at: null }]),
        created_at: created,
      }));
      return toSubscription(sql.getSubscription.get(input.id) as SubscriptionRow);
    },
    async getSubscription(id) {
      const row = sql.getSubscription.get(id) as SubscriptionRow | undefined;
      return row && toSubscription(row);
    },
    async listSubscriptions(page: PageQuery) {
      return (sql.listSubscriptions.all({ cursor: page.cursor ?? null, limit: page.limit }) as SubscriptionRow[]).map(toSubscription);
    },
    async updateSubscription(id, patch) {
      // IMMEDIATE: it reads the row before writing it (see flushInserts).
      return withLock(() => updateSubscription.immediate(id, patch));
    },
    async deleteSubscription(id, at) {
      return withLock(() => deleteSubscription.immediate(id, at));
    },
    async setSubscriptionSecrets(id, secrets, at) {
      if ((await withLock(() => sql.setSecrets.run(JSON.stringify(secrets), at.toISOString(), id).changes)) === 0) return undefined;
      return toSubscription(sql.getSubscription.get(id) as SubscriptionRow);
    },
    async rewriteSecrets(rewrite) {
      // One IMMEDIATE transaction: no rotation can land between the read and the write.
      return withLock(() => db.transaction(() => {
        let changed = 0;
        for (const row of sql.allSecrets.all() as Pick<SubscriptionRow, 'id' | 'secrets'>[]) {
          const next = rewrite(row.id, JSON.parse(row.secrets) as SubscriptionSecret[]);
          if (next) changed += sql.replaceSecrets.run(JSON.stringify(next), row.id, row.secrets).changes;
        }
        return changed;
      }).immediate());
    },
    async disableSubscription(id, reason, at) {
      return withLock(() => sql.disable.run({ id, reason, at: at.toISOString() }).changes === 1);
    },
    findStaleSubscriptions: createSqliteFindStaleSubscriptions(db),
    insertEvent(input) {
      return new Promise((resolve, reject) => {
        queued.push({ input, resolve, reject });
        if (queued.length === 1) setImmediate(() => (flushing = flushing.then(flushInserts)));
      });
    },
    async getEvent(id) {
      return sql.getEvent.get(id) as EventRecord | undefined;
    },
    async listEvents(query) {
      return sql.listEvents.all({
        cursor: query.cursor ?? null,
        type: query.type ?? null,
        since: query.since?.toISOString() ?? null,
        limit: query.limit,
      }) as EventRecord[];
    },
    async getDelivery(id) {
      const row = sql.getDelivery.get(id) as DeliveryRow | undefined;
      return row && toDelivery(row);
    },
    async listDeliveriesForEvent(eventId) {
      return (sql.listDeliveriesForEvent.all(eventId) as DeliveryRow[]).map(toDelivery);
    },
    async listAttempts(deliveryIds) {
      return sql.listAttempts.all(JSON.stringify(deliveryIds)) as AttemptRecord[];
    },
    async requeueDelivery(id, at) {
      return withLock(() => sql.requeueDelivery.run({ id, at: at.toISOString(), at_ms: at.getTime() }).changes === 1);
    },
    async requeueFailedSince(subscriptionId, since, at) {
      return withLock(() => sql.requeueFailedSince.run({
        subscription_id: subscriptionId,
        since: since.toISOString(),
        at: at.toISOString(),
        at_ms: at.getTime(),
      }).changes);
    },
    async claimDue(input) {
      // A claim that waited for the lock leases from when it runs, not from when it was asked for.
      return withLock((waited) => claim.immediate(waited === 0 ? input : { ...input, now: new Date(input.now.getTime() + waited), leaseUntil: new Date(input.leaseUntil.getTime() + waited) }));
    },
    async recordOutcomes(outcomes) {
      return outcomes.length === 0 ? [] : withLock(() => recordOutcomes.immediate(outcomes));
    },
    async releaseClaims(owner, ids, now, options = {}) {
      if (ids.length === 0) return 0;
      const undo = options.attempted ? 0 : 1;
      return withLock(() => sql.release.run({ owner, ids: JSON.stringify(ids), now: now.toISOString(), now_ms: now.getTime(), undo }).changes);
    },
    async sweepExpiredLeases(now) {
      return withLock(() => {
        sql.forgetWorkers.run(now.getTime() - FORGET_WORKER_MS);
        return sql.sweep.run({ now: now.toISOString(), now_ms: now.getTime() }).changes;
      });
    },
    async purgeIdempotencyKeys(now) {
      return withLock(() => sql.purgeIdempotency.run(now.getTime()).changes);
    },
    async heartbeat(owner, seenAt, liveWindowMs) {
      return withLock(() => heartbeat.immediate(owner, seenAt.getTime(), liveWindowMs));
    },
  };
}

function toSubscription(row: SubscriptionRow): SubscriptionRecord {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    description: row.description,
    metadata: JSON.parse(row.metadata) as Record<string, string>,
    rate_limit_per_second: row.rate_limit_per_second,
    secrets: JSON.parse(row.secrets) as SubscriptionSecret[],
    status: row.status,
    disabled_reason: row.disabled_reason,
    failing_since: row.failing_since,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
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
    next_attempt_at: row.next_attempt_at === null ? null : new Date(row.next_attempt_at).toISOString(),
    last_response_status: row.last_response_status,
    last_error: row.last_error,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
