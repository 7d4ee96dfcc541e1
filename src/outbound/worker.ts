import { randomBytes } from 'node:crypto';
import type { OutboundConfig } from '../config/outbound.js';
import { FailureStreak } from '../observability/failure-streak.js';
import { MAX_TIMER_MS } from '../config/server.js';
import { logger } from '../observability/logger.js';
import type { AttemptOutcome, ClaimedDelivery, EventRecord, OutboundStore, OutcomeEffect } from '../store/outbound-store.js';
import { storeUnavailableReason } from '../store/unavailable.js';
import { SubscriptionLimiter } from './limiter.js';
import { attemptDuration, attemptsTotal, deliveriesExhausted } from './metrics.js';
import { decideOutcome } from './outcome.js';
import type { DeliveryHandoff } from './publish.js';
import type { EventPublisher } from './publisher.js';
import { RateShare } from './rate-share.js';
import { signingSecrets } from './secrets.js';
import type { DeliveryHttpClient } from './send.js';
import { signStandardWebhook } from './signing.js';

/** Events about delivery itself: never announced again when their own delivery dies (no feedback loop). */
export const OPERATIONAL_EVENT_TYPES: ReadonlySet<string> = new Set(['delivery.exhausted', 'subscription.disabled']);

/** The request body of an event, built once and shared by the event's deliveries in a claim (same object). */
const envelopes = new WeakMap<EventRecord, string>();
function envelopeOf(event: EventRecord): string {
  let body = envelopes.get(event);
  if (body === undefined) {
    // Built from the stored JSON text, so `data` goes out byte for byte as published.
    body = `{"type":${JSON.stringify(event.type)},"timestamp":${JSON.stringify(event.created_at)},"data":${event.data_json}}`;
    envelopes.set(event, body);
  }
  return body;
}

/** The attempts counter of one outcome and status class (prom-client label lookups hash the labels on every call otherwise). */
const attemptCounters = new Map<string, { inc(): void }>();
function attemptCounter(kind: string, status: number | null): { inc(): void } {
  const statusClass = status === null ? 'none' : `${Math.floor(status / 100)}xx`;
  const key = `${kind} ${statusClass}`;
  let counter = attemptCounters.get(key);
  if (!counter) {
    counter = attemptsTotal.labels(kind, statusClass);
    attemptCounters.set(key, counter);
  }
  return counter;
}

/** Origins by URL, so a send does not parse its URL again; a subscription URL set is small. */
const origins = new Map<string, string>();
/** Scheme, host and port of a subscription URL (the URL itself if it does not parse: the send will say why). */
function originOf(url: string): string {
  let origin = origins.get(url);
  if (origin === undefined) {
    try {
      origin = new URL(url).origin;
    } catch {
      origin = url;
    }
    if (origins.size >= 10_000) origins.clear();
    origins.set(url, origin);
  }
  return origin;
}

/** Local backlog per concurrency slot before a subscription is left out of claims. */
const BACKLOG_PER_SLOT = 4;
/** A limiter idle this long has a full bucket again and can be dropped. */
const LIMITER_IDLE_MS = 60_000;
/** After a claim that found nothing, finished sends wait this long before claiming again. */
const EMPTY_CLAIM_BACKOFF_MS = 10;
/**
 * Outcomes wait at most this long to share one transaction: a commit costs about as much as a few rows, so
 * batches of 8 cost ~22 µs per outcome and batches of 64 ~13 µs (SQLite, measured alone).
 */
const FLUSH_DELAY_MS = 10;
/** This many buffered outcomes are written at once instead of waiting for the delay. */
const FLUSH_BATCH = 128;

/** A send is skipped (left to the sweeper) when less than this remains of its lease beyond the timeout. */
const LEASE_SAFETY_MS = 1_000;

export interface DeliveryWorkerDeps {
  store: OutboundStore;
  config: OutboundConfig;
  http: DeliveryHttpClient;
  /** Publishes `delivery.exhausted` and `subscription.disabled`. */
  publisher: EventPublisher;
  now?: () => Date;
}

interface SubscriptionQueue {
  limiter: SubscriptionLimiter;
  waiting: ClaimedDelivery[];
  /** Scheme, host and port of its URL: subscriptions on one host share that host's connections. */
  origin: string;
  timer?: NodeJS.Timeout;
}

/**
 * Claims due deliveries in batches under a lease, sends them with per-subscription concurrency and rate limits,
 * and records outcomes in batches, each fenced on (id, lease owner, attempt). Expired leases are swept here too.
 */
export class DeliveryWorker {
  readonly owner = `wrk_${randomBytes(6).toString('hex')}`;
  private readonly queues = new Map<string, SubscriptionQueue>();
  private readonly limiters = new Map<string, SubscriptionLimiter>();
  private readonly pendingOutcomes: { outcome: AttemptOutcome; claimed: ClaimedDelivery }[] = [];
  private readonly sends = new Set<Promise<void>>();
  /** Ids of the deliveries whose attempt is on the wire, so a shutdown deadline can hand their leases back. */
  private readonly sending = new Set<string>();
  private inFlight = 0;
  /** Attempts on the wire per origin (see `dispatch`). */
  private readonly inFlightByOrigin = new Map<string, number>();
  /** Claims whose lease ran too short to send, to hand back in one release (see `handBack`). */
  private unsent: string[] = [];
  /** The release `handBack` started last; `stop` waits for it before the store may close. */
  private handingBack: Promise<void> = Promise.resolve();
  /** Where the next `dispatchAll` starts, so queues sharing a capped origin take turns. */
  private nextQueue = 0;
  /** Deliveries leased by handoffs whose publish has not settled yet (see `offerHandoff`). */
  private handedOff = 0;
  /** Outcomes in the batch being written (the rest wait in `pendingOutcomes`). */
  private recording = 0;
  /** A claim found no room: the next recorded batch makes some, and claims again. */
  private starved = false;
  /** Operational events being published (see `afterRecorded`); `stop` waits for them. */
  private readonly announcing = new Set<Promise<void>>();
  private queued = 0;
  private running = false;
  private claiming = false;
  private claimAgain = false;
  private flushing: Promise<void> | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  private backoffTimer: NodeJS.Timeout | undefined;
  private lastEmptyClaimAt = 0;
  /** The excluded subscriptions of the last claim that found nothing while excluding some (see `claim`). */
  private emptyExclusion: { ids: Set<string>; at: number } | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private readonly wakeTimers = new Set<NodeJS.Timeout>();
  // Both run every poll while the database is down: one error line per streak, not several a second.
  private readonly claimFailures = new FailureStreak('claiming deliveries');
  private readonly sweepFailures = new FailureStreak('the lease sweep');
  private readonly recordFailures = new FailureStreak('recording delivery outcomes');
  /** How many workers split each rate limit, and when this one may send rate-limited rows. */
  private readonly share: RateShare;

  constructor(private readonly deps: DeliveryWorkerDeps) {
    this.share = new RateShare(deps.store, this.owner, () => this.reshare());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const sweepEvery = Math.max(50, Math.min(30_000, Math.floor(this.deps.config.leaseMs / 2)));
    this.sweepTimer = setInterval(() => void this.sweep(), sweepEvery);
    void this.begin();
  }

  /** Counted before the first claim, so that claim takes this worker's share and not the whole limit. */
  private async begin(): Promise<void> {
    await this.share.start();
    if (!this.running) return;
    await this.sweep();
    this.wake();
  }

  /**
   * Offers to take the deliveries of an event being published under a lease at once (no claim query, no wait
   * for one), while the local backlog has room; subscriptions whose backlog is full are left to claims.
   */
  offerHandoff(): DeliveryHandoff | undefined {
    if (!this.running || this.room() <= 0) return undefined;
    const now = this.now();
    const full = new Set<string>();
    const byOrigin = this.backlogByOrigin();
    for (const [id, q] of this.queues) if (this.backlogFull(q, byOrigin)) full.add(id);
    const workers = this.share.workers;
    let settled = false;
    // Counted per delivery as the store leases it: offers made together (one group commit) each saw the same room,
    // and one event fans out to every matching subscription.
    let admitted = 0;
    const admit = (): boolean => {
      if (settled || this.room() <= 0) return false;
      admitted++;
      this.handedOff++;
      return true;
    };
    return {
      lease: { owner: this.owner, until: new Date(now.getTime() + this.deps.config.leaseMs), excludeSubscriptions: full, workers, admit },
      settle: (leased) => {
        if (settled) return;
        settled = true;
        this.handedOff -= admitted;
        this.adopt(leased, workers);
      },
    };
  }

  /** Takes leased deliveries (their rates shared among `workers`) into the local queues; after stop() they are handed back at once. */
  private adopt(leased: ClaimedDelivery[], workers: number): void {
    if (leased.length === 0) return;
    if (!this.running) {
      this.deps.store.releaseClaims(this.owner, leased.map((d) => d.id), this.now()).catch((err: unknown) => {
        logger.error({ err }, 'releasing handed-off deliveries failed; their leases will expire');
      });
      return;
    }
    for (const delivery of leased) this.enqueue(delivery, workers);
    this.dispatchAll();
  }

  /** Look for due work now (called after a local publish, a recorded retry falling due, or a poll). */
  wake(): void {
    if (!this.running) return;
    if (this.claiming) {
      this.claimAgain = true;
      return;
    }
    void this.claim();
  }

  /**
   * Stops claiming, hands never-sent claims back to the queue at once, lets in-flight attempts finish until
   * `deadline` aborts (then hands theirs back too, so another worker retries them now instead of after the lease)
   * and records the outcomes that came back.
   */
  async stop(deadline?: AbortSignal): Promise<void> {
    this.running = false;
    clearTimeout(this.pollTimer);
    clearInterval(this.sweepTimer);
    clearTimeout(this.backoffTimer);
    for (const t of this.wakeTimers) clearTimeout(t);
    // Claims already on their way back (handBack) are awaited; ones about to be go back with the rest.
    await this.handingBack;
    const unsent: string[] = this.unsent.splice(0);
    for (const q of this.queues.values()) {
      clearTimeout(q.timer);
      q.timer = undefined;
      unsent.push(...q.waiting.splice(0).map((d) => d.id));
    }
    this.queued = 0;
    try {
      await this.deps.store.releaseClaims(this.owner, unsent, this.now());
    } catch (err) {
      logger.error({ err }, 'releasing unsent claims failed; their leases will expire');
    }
    // No send starts after this point, so the others may take this worker's share once its last ones age out.
    await this.share.stop();
    const aborted = new Promise<void>((resolve) => {
      if (!deadline) return;
      if (deadline.aborted) resolve();
      deadline.addEventListener('abort', () => resolve(), { once: true });
    });
    await Promise.race([Promise.allSettled([...this.sends]), aborted]);
    if (this.sending.size > 0) {
      const cutOff = [...this.sending];
      try {
        // Their late outcomes are then refused by the fence: the subscriber may still see the attempt twice.
        await this.deps.store.releaseClaims(this.owner, cutOff, this.now(), { attempted: true });
        logger.warn({ deliveries: cutOff.length }, 'shutdown deadline cut attempts off; their deliveries are queued again');
      } catch (err) {
        logger.error({ err }, 'releasing cut-off attempts failed; their leases will expire');
      }
    }
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    await this.flushing;
    await this.flush();
    await Promise.all([...this.announcing]);
  }

  /**
   * A claim whose lease ran too short to send it goes back to the queue with its attempt number undone: left to
   * the sweeper, it kept the increment, and a delivery that waited out several leases died without being sent.
   */
  private handBack(id: string): void {
    this.unsent.push(id);
    if (this.unsent.length > 1) return;
    setImmediate(() => {
      const ids = this.unsent.splice(0);
      if (ids.length === 0) return;
      const release = this.deps.store.releaseClaims(this.owner, ids, this.now()).then(
        () => this.wake(),
        (err: unknown) => logger.error({ err, deliveries: ids.length }, 'handing back unsent claims failed; their leases will expire'),
      );
      this.handingBack = Promise.all([this.handingBack, release]).then(() => undefined);
    });
  }

  /** A wake from a finished send; right after a claim that found nothing it waits a little instead of re-scanning. */
  private wakeSoon(): void {
    const sinceEmpty = Date.now() - this.lastEmptyClaimAt;
    if (sinceEmpty >= EMPTY_CLAIM_BACKOFF_MS) return this.wake();
    if (!this.backoffTimer) {
      this.backoffTimer = setTimeout(() => {
        this.backoffTimer = undefined;
        this.wake();
      }, EMPTY_CLAIM_BACKOFF_MS - sinceEmpty);
    }
  }

  /** Runs the lease sweeper and idempotency purge once (also exposed for tests). */
  async sweep(): Promise<void> {
    try {
      const now = this.now();
      const swept = await this.deps.store.sweepExpiredLeases(now);
      if (swept > 0) {
        logger.warn({ swept }, 'returned deliveries with expired leases to the queue');
        this.wake();
      }
      await this.deps.store.purgeIdempotencyKeys(now);
      for (const [id, limiter] of this.limiters) if (!this.queues.has(id) && limiter.idleSince(Date.now()) > LIMITER_IDLE_MS) this.limiters.delete(id);
      this.sweepFailures.succeeded();
    } catch (err) {
      this.sweepFailures.failed(err);
    }
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private async claim(): Promise<void> {
    const { config, store } = this.deps;
    this.claiming = true;
    clearTimeout(this.pollTimer);
    let claimedFull = false;
    try {
      const room = this.room();
      if (room <= 0) this.starved = true;
      else {
        const now = this.now();
        // A subscription with a full local backlog gets no more rows, so the batch goes to the others.
        const byOrigin = this.backlogByOrigin();
        const exclude = [...this.queues].filter(([, q]) => this.backlogFull(q, byOrigin)).map(([id]) => id);
        // A claim that excludes subscriptions walks their whole due backlog to find none of its rows. When the
        // same ones (or more) came back empty within a poll interval, only the poll looks again.
        const seen = this.emptyExclusion;
        if (seen && Date.now() - seen.at < config.pollIntervalMs && exclude.length >= seen.ids.size && [...seen.ids].every((id) => exclude.includes(id))) {
          return;
        }
        const limit = Math.min(config.claimBatchSize, room);
        const workers = this.share.workers;
        const claimed = await store.claimDue({
          owner: this.owner,
          now,
          leaseUntil: new Date(now.getTime() + config.leaseMs),
          limit,
          excludeSubscriptions: exclude,
          perSubscriptionLimit: config.subscriptionConcurrency * BACKLOG_PER_SLOT,
          rateWindowMs: this.rateWindowMs(),
          workers,
        });
        if (!this.running) {
          // stop() ran while this claim was in flight: hand the rows straight back.
          await store.releaseClaims(this.owner, claimed.map((d) => d.id), this.now());
          return;
        }
        for (const delivery of claimed) this.enqueue(delivery, workers);
        claimedFull = claimed.length === limit;
        if (claimed.length === 0) this.lastEmptyClaimAt = Date.now();
        if (claimed.length === 0 && exclude.length > 0) this.emptyExclusion = { ids: new Set(exclude), at: Date.now() };
        // Rows of a subscription outside the remembered set prove there is other work: forget it.
        else if (seen && claimed.some((d) => !seen.ids.has(d.subscription.id))) this.emptyExclusion = undefined;
        this.dispatchAll();
      }
      this.claimFailures.succeeded();
    } catch (err) {
      this.claimFailures.failed(err);
    } finally {
      this.claiming = false;
    }
    if (!this.running) return;
    if (claimedFull || this.claimAgain) {
      this.claimAgain = false;
      setImmediate(() => this.wake());
    } else {
      this.pollTimer = setTimeout(() => this.wake(), config.pollIntervalMs);
    }
  }

  /**
   * How many more rows this worker may lease (claims and handoffs alike): it holds at most twice what it may send at
   * once, waiting or on the wire, plus as many sent rows whose outcomes wait for a write. Those still hold their lease
   * and their event: claiming on while writes lag sent ever more, and re-claimed rows whose leases ran out meanwhile.
   */
  private room(): number {
    const { maxInFlight } = this.deps.config;
    const unrecorded = this.pendingOutcomes.length + this.recording;
    return maxInFlight * 2 - this.inFlight - this.queued - this.handedOff - Math.max(0, unrecorded - maxInFlight);
  }

  /** How long a fresh lease leaves to start sends in: a send starts only with its timeout and a margin still leased. */
  private sendableWindowMs(): number {
    const { leaseMs, timeoutMs } = this.deps.config;
    return Math.max(1, leaseMs - timeoutMs - LEASE_SAFETY_MS);
  }

  /** The part of a fresh lease a rate-limited row can be sent in: after the wait of a worker that just joined. */
  private rateWindowMs(): number {
    const sendable = this.sendableWindowMs();
    return Math.max(1, sendable - Math.min(sendable, this.share.waitMs(Date.now())));
  }

  /** Every limiter takes its share again (the live worker count may have changed), then sends that may start do. */
  private reshare(): void {
    for (const limiter of this.limiters.values()) limiter.setShare(limiter.limit, this.share.workers);
    this.dispatchAll();
  }

  /**
   * A subscription whose local backlog is as much as it may hold gets no more rows. Rate-limited, that is what its
   * rate can start within a lease: more would run out of lease here, unsent, while other workers could send them.
   * And the subscriptions of one host together hold what that host's connections can work off: rows waiting on a
   * slow host must not fill the local queue that every other host's deliveries come through.
   */
  private backlogFull(q: SubscriptionQueue, byOrigin: Map<string, number>): boolean {
    const slots = q.limiter.concurrency * BACKLOG_PER_SLOT;
    const rate = q.limiter.rate;
    const bound = rate === null ? slots : Math.min(slots, Math.max(1, Math.floor((rate * this.rateWindowMs()) / 1000)));
    if (q.waiting.length + q.limiter.inFlight >= bound) return true;
    return (byOrigin.get(q.origin) ?? 0) >= this.deps.config.connectionsPerOrigin * BACKLOG_PER_SLOT;
  }

  /** Rows held locally (waiting or on the wire) per origin. */
  private backlogByOrigin(): Map<string, number> {
    const held = new Map<string, number>();
    for (const q of this.queues.values()) held.set(q.origin, (held.get(q.origin) ?? 0) + q.waiting.length + q.limiter.inFlight);
    return held;
  }

  /** Queues a leased row whose rate is its share among `workers` (the count its claim or handoff was made with). */
  private enqueue(delivery: ClaimedDelivery, workers: number): void {
    const sub = delivery.subscription;
    let queue = this.queues.get(sub.id);
    if (!queue) {
      // The limiter outlives the queue: a queue that drains and refills must not get a fresh token bucket.
      let limiter = this.limiters.get(sub.id);
      if (!limiter) {
        limiter = new SubscriptionLimiter(this.deps.config.subscriptionConcurrency, null, Date.now());
        this.limiters.set(sub.id, limiter);
      }
      queue = { limiter, waiting: [], origin: originOf(sub.url) };
      this.queues.set(sub.id, queue);
    }
    queue.origin = originOf(sub.url);
    // Limits are whole numbers: the share times the count it was made with gives the limit back exactly.
    const limit = sub.rate_limit_per_second === null ? null : Math.round(sub.rate_limit_per_second * workers);
    queue.limiter.setShare(limit, this.share.workers);
    // Claimed again after its lease ran out here (swept while it waited): the new claim replaces the stale copy, whose
    // hand-back would otherwise release the live claim.
    const stale = queue.waiting.findIndex((d) => d.id === delivery.id);
    if (stale >= 0) {
      queue.waiting[stale] = delivery;
      return;
    }
    queue.waiting.push(delivery);
    this.queued++;
  }

  /** Offers free slots to every queue, starting one further each time: a capped origin's queues take turns. */
  private dispatchAll(): void {
    const queues = [...this.queues];
    const first = queues.length === 0 ? 0 : this.nextQueue++ % queues.length;
    for (let i = 0; i < queues.length; i++) {
      const [id, queue] = queues[(first + i) % queues.length]!;
      this.dispatch(id, queue);
    }
  }

  private dispatch(subscriptionId: string, queue: SubscriptionQueue): void {
    while (queue.waiting.length > 0 && this.inFlight < this.deps.config.maxInFlight) {
      // More attempts than the host has connections would wait in the HTTP pool with their timeout running, holding
      // slots that other hosts' deliveries could use; a send to this host finishing dispatches again.
      // Counted by the delivery's own URL: a subscription whose URL changed may still hold rows for the old one.
      const origin = originOf(queue.waiting[0]!.subscription.url);
      if ((this.inFlightByOrigin.get(origin) ?? 0) >= this.deps.config.connectionsPerOrigin) return;
      const nowMs = Date.now();
      // A rate-limited send also waits while this worker is not yet (or no longer) counted in the others' shares.
      const wait = Math.max(queue.limiter.waitMs(nowMs), queue.limiter.rate === null ? 0 : this.share.waitMs(nowMs));
      if (wait === Infinity) return;
      if (wait > 0) {
        if (!queue.timer) {
          queue.timer = setTimeout(() => {
            queue.timer = undefined;
            this.dispatch(subscriptionId, queue);
          }, wait);
        }
        return;
      }
      const delivery = queue.waiting.shift()!;
      this.queued--;
      if (delivery.lease_expires_at - nowMs < this.deps.config.timeoutMs + LEASE_SAFETY_MS) {
        this.handBack(delivery.id);
        continue;
      }
      queue.limiter.acquire(nowMs);
      this.inFlightByOrigin.set(origin, (this.inFlightByOrigin.get(origin) ?? 0) + 1);
      this.inFlight++;
      this.sending.add(delivery.id);
      const send = this.send(delivery).finally(() => {
        this.inFlight--;
        const left = this.inFlightByOrigin.get(origin)! - 1;
        if (left === 0) this.inFlightByOrigin.delete(origin);
        else this.inFlightByOrigin.set(origin, left);
        this.sending.delete(delivery.id);
        queue.limiter.release();
        this.sends.delete(send);
        if (queue.waiting.length === 0 && queue.limiter.inFlight === 0 && !queue.timer) this.queues.delete(subscriptionId);
        this.dispatchAll();
        // Claim more when this subscription or the whole backlog runs low: one claim per batch, not per send.
        if (this.running && (queue.waiting.length < queue.limiter.concurrency || this.queued < this.deps.config.claimBatchSize / 2)) this.wakeSoon();
      });
      this.sends.add(send);
    }
  }

  private async send(delivery: ClaimedDelivery): Promise<void> {
    const startedAt = this.now();
    const { event, subscription } = delivery;
    const body = envelopeOf(event);
    const headers = signStandardWebhook(event.id, Math.floor(startedAt.getTime() / 1000), body, signingSecrets(subscription.secrets, startedAt));
    const http = await this.deps.http.post(subscription.url, headers, body);
    const outcome = decideOutcome(delivery, http, startedAt, this.now(), this.deps.config);
    attemptCounter(outcome.kind, http.status).inc();
    attemptDuration.observe(http.latencyMs / 1000);
    // Failures are worth a line with their ids; successes only at debug, so the hot path builds no log object.
    if (outcome.kind !== 'succeeded' || logger.isLevelEnabled('debug')) {
      const line = {
        delivery_id: delivery.id,
        event_id: event.id,
        subscription_id: subscription.id,
        attempt: delivery.attempt,
        outcome: outcome.kind,
        status: http.status,
        latency_ms: http.latencyMs,
        error: http.error ?? undefined,
      };
      if (outcome.kind === 'succeeded') logger.debug(line, 'delivery attempt succeeded');
      else logger.info(line, 'delivery attempt did not succeed');
    }
    this.pendingOutcomes.push({ outcome, claimed: delivery });
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushing) return;
    if (this.pendingOutcomes.length >= FLUSH_BATCH) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
      void this.flush();
      return;
    }
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, FLUSH_DELAY_MS);
  }

  /** Writes buffered outcomes in one transaction; concurrent callers share the running flush. */
  private flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.pendingOutcomes.length === 0) return Promise.resolve();
    this.flushing = (async () => {
      try {
        while (this.pendingOutcomes.length > 0) {
          const batch = this.pendingOutcomes.splice(0, this.pendingOutcomes.length);
          this.recording = batch.length;
          let recorded: Awaited<ReturnType<DeliveryWorker['record']>>;
          try {
            recorded = await this.record(batch);
          } finally {
            this.recording = 0;
          }
          try {
            this.afterRecorded(recorded.batch, recorded.effects);
          } catch (err) {
            logger.error({ err, count: recorded.batch.length }, 'acting on recorded delivery outcomes failed');
          }
          if (this.starved && this.running) {
            this.starved = false;
            this.wake();
          }
        }
      } finally {
        this.flushing = undefined;
        if (this.pendingOutcomes.length > 0) this.scheduleFlush();
      }
    })();
    return this.flushing;
  }

  /**
   * Records a batch in one write. When the store refuses it, each outcome is tried alone: one it cannot hold must not
   * leave the others to their leases, to be sent again to subscribers who had answered. Returns what was recorded;
   * the rest wait for the sweeper, so at-least-once holds.
   */
  private async record(batch: { outcome: AttemptOutcome; claimed: ClaimedDelivery }[]): Promise<{ batch: typeof batch; effects: OutcomeEffect[] }> {
    try {
      const effects = await this.deps.store.recordOutcomes(batch.map((b) => b.outcome));
      this.recordFailures.succeeded();
      return { batch, effects };
    } catch (err) {
      this.recordFailures.failed(err, { count: batch.length });
      // An outage (database unreachable, disk full) refuses every write alike: one by one would only log each delivery.
      if (batch.length === 1 || storeUnavailableReason(err)) return { batch: [], effects: [] };
    }
    const kept: typeof batch = [];
    const effects: OutcomeEffect[] = [];
    for (const one of batch) {
      try {
        effects.push(...(await this.deps.store.recordOutcomes([one.outcome])));
        kept.push(one);
      } catch (err) {
        if (storeUnavailableReason(err)) {
          // The outage began mid-batch: the rest would fail the same way, and the streak has logged it.
          this.recordFailures.failed(err, { count: batch.length - kept.length });
          break;
        }
        logger.error({ err, delivery: one.outcome.delivery_id }, 'recording a delivery outcome failed; its lease will expire and it is sent again');
      }
    }
    return { batch: kept, effects };
  }

  /**
   * Metrics, retry wake-ups and operational events of a recorded batch. The events are published together (one
   * group commit) and not awaited: a burst of deaths announced one by one held up every later outcome meanwhile,
   * while sends went on, their rows' leases ran out and were claimed again.
   */
  private afterRecorded(batch: { outcome: AttemptOutcome; claimed: ClaimedDelivery }[], effects: OutcomeEffect[]): void {
    const announcements: [type: string, data: Record<string, unknown>][] = [];
    for (const [i, { outcome, claimed }] of batch.entries()) {
      const effect = effects[i]!;
      if (!effect.applied) {
        logger.warn({ delivery: outcome.delivery_id, attempt: outcome.attempt }, 'stale attempt result ignored (a newer attempt owns the delivery)');
        continue;
      }
      if (outcome.result === 'retry' && outcome.next_attempt_at) this.wakeAt(outcome.next_attempt_at);
      if (outcome.result === 'dead') {
        deliveriesExhausted.inc();
        if (!OPERATIONAL_EVENT_TYPES.has(claimed.event.type)) {
          announcements.push(['delivery.exhausted', {
            delivery_id: claimed.id,
            event_id: claimed.event.id,
            event_type: claimed.event.type,
            subscription_id: claimed.subscription.id,
            attempts: claimed.attempt,
            last_status: outcome.response_status,
            last_error: outcome.error,
          }]);
        }
      }
      if (effect.disabled_subscription) {
        const sub = effect.disabled_subscription;
        logger.warn({ subscription: sub.id, reason: sub.reason }, 'subscription disabled');
        announcements.push(['subscription.disabled', {
          subscription_id: sub.id,
          url: sub.url,
          reason: sub.reason,
          disabled_at: outcome.finished_at.toISOString(),
        }]);
      }
    }
    if (announcements.length === 0) return;
    const published = Promise.all(announcements.map(([type, data]) => this.announce(type, data))).then(() => {
      this.announcing.delete(published);
    });
    this.announcing.add(published);
  }

  private async announce(type: string, data: Record<string, unknown>): Promise<void> {
    try {
      await this.deps.publisher.publish(type, data);
    } catch (err) {
      logger.error({ err, type }, 'publishing an operational event failed');
    }
  }

  private wakeAt(at: Date): void {
    if (!this.running) return;
    // Capped: node fires a timer past its longest at once (a schedule entry near the cap plus jitter would do that).
    const timer = setTimeout(() => {
      this.wakeTimers.delete(timer);
      this.wake();
    }, Math.min(MAX_TIMER_MS, Math.max(0, at.getTime() - Date.now()) + 5));
    timer.unref();
    this.wakeTimers.add(timer);
  }
}
