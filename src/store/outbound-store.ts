/**
 * Persistence of subscriptions, events and deliveries (the outbound room). Every method is async so a
 * PostgreSQL implementation can sit behind the same interface; every result update is fenced on
 * (delivery id, lease owner, attempt) so a stale worker can never overwrite a newer attempt.
 */
export interface OutboundStore {
  createSubscription(input: NewSubscription): Promise<SubscriptionRecord>;
  getSubscription(id: string): Promise<SubscriptionRecord | undefined>;
  /** Newest first; `cursor` is the last id of the previous page. */
  listSubscriptions(page: PageQuery): Promise<SubscriptionRecord[]>;
  updateSubscription(id: string, patch: SubscriptionPatch): Promise<SubscriptionRecord | undefined>;
  /** Soft delete: the row stays for the delivery history, its pending deliveries are cancelled. */
  deleteSubscription(id: string, at: Date): Promise<boolean>;
  /** Replaces the signing secrets (rotation keeps the old one with an expiry). */
  setSubscriptionSecrets(id: string, secrets: SubscriptionSecret[], at: Date): Promise<SubscriptionRecord | undefined>;
  /**
   * Passes every subscription's secret list (deleted ones too) to `rewrite` and stores what it returns in place of the
   * list (undefined: unchanged), each only if the row still holds what was read; `updated_at` is left alone (sealing
   * at rest is not an edit). Resolves with how many rows changed.
   */
  rewriteSecrets(rewrite: (id: string, secrets: SubscriptionSecret[]) => SubscriptionSecret[] | undefined): Promise<number>;
  /** Disables an active subscription; resolves false if it was not active (so the caller announces it once). */
  disableSubscription(id: string, reason: string, at: Date): Promise<boolean>;
  /**
   * Active subscriptions whose `events` name a type outside `known` (the catalog), so they receive nothing for it; one
   * with `*` never counts. One scan, aggregated in SQL: how many, the first `limit` ids and every unknown type.
   */
  findStaleSubscriptions(known: readonly string[], limit: number): Promise<StaleSubscriptions>;

  /**
   * Writes the event, one delivery per matching active subscription (or only `onlySubscriptionId`) and the
   * idempotency record in one transaction.
   */
  insertEvent(input: NewEvent): Promise<InsertEventResult>;
  getEvent(id: string): Promise<EventRecord | undefined>;
  listEvents(query: PageQuery & { type?: string; since?: Date }): Promise<EventRecord[]>;

  getDelivery(id: string): Promise<DeliveryRecord | undefined>;
  listDeliveriesForEvent(eventId: string): Promise<DeliveryRecord[]>;
  listAttempts(deliveryIds: string[]): Promise<AttemptRecord[]>;
  /** Makes a delivery due now again (manual retry); false when it is in flight or its subscription is gone. */
  requeueDelivery(id: string, at: Date): Promise<boolean>;
  /** Makes every dead or failed delivery of a subscription created since `since` due again; returns how many. */
  requeueFailedSince(subscriptionId: string, since: Date, at: Date): Promise<number>;

  /**
   * Claims up to `limit` due deliveries of active subscriptions for `owner`, skipping `excludeSubscriptions`,
   * increments their attempt and leases them until `leaseUntil`.
   */
  claimDue(input: ClaimInput): Promise<ClaimedDelivery[]>;
  /** Records attempt outcomes in one transaction; each is applied only if its lease and attempt still match. */
  recordOutcomes(outcomes: AttemptOutcome[]): Promise<OutcomeEffect[]>;
  /**
   * Gives claimed deliveries back to the queue at once (graceful stop); only rows still leased by `owner` are
   * touched. Never-sent claims undo their attempt increment; with `attempted`, for attempts cut off at the shutdown
   * deadline that may have reached the subscriber, the attempt number is kept so it stays a fence. Resolves with how many.
   */
  releaseClaims(owner: string, ids: string[], now: Date, options?: { attempted?: boolean }): Promise<number>;
  /** Returns deliveries whose lease expired (crashed or stuck worker) to the queue; resolves with how many. */
  sweepExpiredLeases(now: Date): Promise<number>;
  /** Deletes idempotency keys past their expiry. */
  purgeIdempotencyKeys(now: Date): Promise<number>;
  /**
   * A delivery worker's heartbeat: records `seenAt` as its last sign of life (an earlier time ages it: a stopping
   * worker) and resolves with how many workers beat within `liveWindowMs` before it, itself included.
   */
  heartbeat(owner: string, seenAt: Date, liveWindowMs: number): Promise<number>;
}

export interface PageQuery {
  limit: number;
  cursor?: string;
}

export interface SubscriptionSecret {
  secret: string;
  /** Null while current; set when rotated out (it keeps signing until then). */
  expires_at: string | null;
}

export interface NewSubscription {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  metadata: Record<string, string>;
  rate_limit_per_second: number | null;
  secret: string;
  created_at: Date;
}

export interface SubscriptionPatch {
  url?: string;
  events?: string[];
  description?: string | null;
  metadata?: Record<string, string>;
  rate_limit_per_second?: number | null;
  /** `true` disables (reason `manual`), `false` re-enables and clears the failure streak. */
  disabled?: boolean;
  updated_at: Date;
}

export interface SubscriptionRecord {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  metadata: Record<string, string>;
  rate_limit_per_second: number | null;
  secrets: SubscriptionSecret[];
  status: 'active' | 'disabled';
  disabled_reason: string | null;
  /** Start of the current run of failures; null after any success. */
  failing_since: string | null;
  created_at: string;
  updated_at: string;
}

/** What `findStaleSubscriptions` found. */
export interface StaleSubscriptions {
  /** Active subscriptions naming at least one unknown type. */
  count: number;
  /** The first of them by id, at most the `limit` asked for. */
  ids: string[];
  /** The unknown types they name, sorted. */
  types: string[];
}

/** What `request_hash` holds for a key that alone names its request (see `NewEvent.idempotency`). */
const KEY_ONLY_REQUEST_HASH = 'key-only';

/** The `request_hash` column's value for a new key: its hash, or the key-only marker. */
export function storedRequestHash(requestHash: string | null): string {
  return requestHash ?? KEY_ONLY_REQUEST_HASH;
}

/** Whether a live key's stored hash answers a new request with a conflict (else it is a replay). */
export function isIdempotencyConflict(storedHash: string, requestHash: string | null): boolean {
  return requestHash !== null && storedHash !== requestHash;
}

export interface NewEvent {
  id: string;
  type: string;
  /** The event `data`, already serialized (sent byte for byte). */
  data_json: string;
  created_at: Date;
  /** Deliver only to this subscription (test pings); it must exist, active or not does not matter. */
  only_subscription_id?: string;
  /**
   * A live key with the same `request_hash` is a replay, with another a conflict. A null hash says the key alone names
   * the request (a received delivery's own key): a live key is always a replay. Stored by `storedRequestHash`.
   */
  idempotency?: { key: string; request_hash: string | null; expires_at: Date };
  /** Makes the delivery ids; one per matching subscription. */
  newDeliveryId: () => string;
  /**
   * Lease the new deliveries of matching subscriptions (not `only_subscription_id`, not `excludeSubscriptions`)
   * to this worker in the same transaction, as a claim would (attempt 1), and return them in `leased`: the local
   * worker sends them without a claim query. A store may ignore this (they are then left pending).
   */
  lease?: {
    owner: string;
    until: Date;
    excludeSubscriptions: ReadonlySet<string>;
    /** As in `ClaimInput`. */
    workers?: number;
    /**
     * Asked once per delivery the store would lease, inside the transaction: false leaves that one pending (for a
     * claim). The worker's bound on what it holds: offers made together would otherwise each lease a whole fan-out.
     */
    admit?: () => boolean;
  };
}

export type InsertEventResult =
  | { kind: 'created'; event: EventRecord; deliveries: number; /** Deliveries leased as `NewEvent.lease` asked. */ leased?: ClaimedDelivery[] }
  | { kind: 'replayed'; event: EventRecord }
  | { kind: 'conflict' };

export interface EventRecord {
  id: string;
  type: string;
  data_json: string;
  created_at: string;
}

/**
 * The events that claimed deliveries in this process still hold, by id, so a claim of another delivery of one of
 * them (or of the same delivery again, after its lease ran out) reuses that object instead of reading its data again:
 * one copy of a large event however many of its deliveries are queued, on the wire or awaiting their outcome, and
 * one envelope (the worker builds it once per event object). Weak: an event nothing holds any more is collected as
 * usual. Events never change once written, so a held one is what the table holds.
 */
export class HeldEvents {
  private readonly refs = new Map<string, WeakRef<EventRecord>>();
  private readonly finalizer = new FinalizationRegistry<string>((id) => {
    // A newer object may hold the id by now: only a dead entry goes.
    if (this.refs.get(id)?.deref() === undefined) this.refs.delete(id);
  });

  get(id: string): EventRecord | undefined {
    return this.refs.get(id)?.deref();
  }

  /** The held object for `event.id` if there is one, else `event`, now held. */
  hold(event: EventRecord): EventRecord {
    const held = this.get(event.id);
    if (held) return held;
    this.refs.set(event.id, new WeakRef(event));
    this.finalizer.register(event, event.id);
    return event;
  }
}

export type DeliveryStatus = 'pending' | 'delivering' | 'succeeded' | 'failed' | 'dead' | 'cancelled';

/** How one attempt ended, as the attempt log shows it. */
export type AttemptKind = 'succeeded' | 'failed' | 'gone' | 'rate_limited' | 'timeout' | 'network_error';

export interface DeliveryRecord {
  id: string;
  event_id: string;
  event_type: string;
  subscription_id: string;
  /** The subscription's URL (now). */
  url: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_response_status: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface AttemptRecord {
  delivery_id: string;
  attempt: number;
  started_at: string;
  response_status: number | null;
  latency_ms: number;
  response_body: string | null;
  error: string | null;
  outcome: AttemptKind;
  next_attempt_at: string | null;
}

export interface ClaimInput {
  owner: string;
  now: Date;
  leaseUntil: Date;
  limit: number;
  excludeSubscriptions: string[];
  /** At most this many rows per subscription in one claim, so one backlog cannot fill the batch. @default no cap */
  perSubscriptionLimit?: number;
  /**
   * A rate-limited subscription gets at most what its rate (this worker's share on PostgreSQL) can start in this many
   * ms, and at least one row: the rest would sit out their lease here while other workers could send them. @default no cap
   */
  rateWindowMs?: number;
  /**
   * Live workers as the claimer last counted them (`heartbeat`): each takes an even share of every rate limit, the
   * share the claimed rows carry. @default PostgreSQL counts the workers that claimed recently; SQLite 1
   */
  workers?: number;
}

/** A leased delivery with everything needed to send it. */
export interface ClaimedDelivery {
  id: string;
  /** Attempt number of this claim (1-based, never reused: the fence). */
  attempt: number;
  /** Position in the retry schedule (1-based); restarts after a manual retry or recover. */
  schedule_attempt: number;
  lease_owner: string;
  lease_expires_at: number;
  event: EventRecord;
  /** `rate_limit_per_second` is the claimer's share: the limit divided by `ClaimInput.workers`. */
  subscription: Pick<SubscriptionRecord, 'id' | 'url' | 'secrets' | 'rate_limit_per_second'>;
}

/** The outcome of one attempt, decided by the worker. */
export interface AttemptOutcome {
  delivery_id: string;
  owner: string;
  attempt: number;
  subscription_id: string;
  /** delivered; retry (at `next_attempt_at`); dead (schedule exhausted); failed (final, e.g. 410). */
  result: 'delivered' | 'retry' | 'dead' | 'failed';
  next_attempt_at: Date | null;
  started_at: Date;
  finished_at: Date;
  latency_ms: number;
  response_status: number | null;
  response_body: string | null;
  error: string | null;
  kind: AttemptKind;
  /** Disable the subscription with this reason (410 Gone). */
  disable_reason?: string;
  /** Disable the subscription when its failure streak started before this time. */
  disable_if_failing_since_before?: Date;
}

/** What recording an outcome changed, so the worker can announce it. */
export interface OutcomeEffect {
  delivery_id: string;
  /** False when the lease or attempt no longer matched (a newer attempt owns the delivery). */
  applied: boolean;
  /** Set when this outcome disabled the subscription (it was active before). */
  disabled_subscription?: { id: string; url: string; reason: string; failing_since: string | null };
}
