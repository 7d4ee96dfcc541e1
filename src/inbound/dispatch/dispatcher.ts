import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { InboundConfig } from '../../config/inbound.js';
import { FailureStreak } from '../../observability/failure-streak.js';
import { logger } from '../../observability/logger.js';
import { INBOUND_KEY_PREFIX, type EventPublisher } from '../../outbound/publisher.js';
import type { ClaimedDelivery, InboundCompletion, InboundLease, InboundStore } from '../../store/inbound-store.js';
import { inboundDispatch } from '../metrics.js';
import type { Receiver } from '../receivers/receiver.js';
import { HandlerBatcher } from './batcher.js';
import type { DispatchItem, InboundDispatcher } from './dispatch-item.js';
import type { HandlerRegistry, LoadedHandler } from './handler-registry.js';
import { withHandlerTimeout } from './handler-timeout.js';

/** Deliveries claimed per transaction. */
export const CLAIM_BATCH = 128;
/** Claimed batches processed at the same time. */
export const MAX_ACTIVE_BATCHES = 4;
/** Longest wait between retries, whatever the attempt number. */
export const MAX_BACKOFF_MS = 60 * 60 * 1000;
/** Deliveries held in memory at most; beyond it they wait in the store for the poll (bounded memory under a burst). */
export const MAX_QUEUED = 4096;
/**
 * What a held lease must still have left when its attempt starts, beyond the handler's timeout: the publish and the
 * completion. A fresh lease always has it (the handler timeout is at most the lease less 1 s).
 */
export const ATTEMPT_MARGIN_MS = 1000;
/** How long `stop()` waits for running handlers when its caller gives no deadline (the server passes its own). */
export const STOP_GRACE_MS = 5000;
const MAX_ERROR_LENGTH = 1000;

export interface DispatcherDeps {
  store: InboundStore;
  publisher: EventPublisher;
  handlers: HandlerRegistry;
  /** Receivers by operationId, to rebuild payloads from stored bodies after a restart. */
  receivers: ReadonlyMap<string, Receiver>;
  config: Pick<InboundConfig, 'maxAttempts' | 'retryBaseMs' | 'leaseMs' | 'pollMs' | 'handlerTimeoutMs'>;
  now?: () => number;
}

/** A delivery stored already leased to this dispatcher: its item is in memory, nothing is read back. */
type Leased = Pick<ClaimedDelivery, 'id' | 'attempts' | 'catalogType'>;

interface Outcome {
  completion: InboundCompletion;
  reply: unknown;
}

/**
 * Runs handlers and publishes mapped events after the ack. Every attempt is leased in the store (claim → run →
 * fenced completion), failures are retried with exponential backoff, and a poll picks up due retries and
 * deliveries left unfinished by a crash, so nothing acknowledged is lost. Handlers run at least once. A handler call
 * that outlives `handlerTimeoutMs` is a failed attempt: its slot is freed and whatever it settles with later is dropped.
 */
export class Dispatcher implements InboundDispatcher {
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly items = new Map<string, DispatchItem>();
  /** Queued ids whose rows were stored under this dispatcher's lease (no claim needed), with when it expires. */
  private readonly leased = new Map<string, number>();
  private readonly batchers = new Map<string, HandlerBatcher>();
  /** Callers of `runNow` waiting for a handler's return value, by delivery id. */
  private readonly replyWaiters = new Map<string, (reply: unknown) => void>();
  private active = 0;
  private readonly pollFailures = new FailureStreak('polling the inbound log');
  private pumpScheduled = false;
  /** The last poll filled its page: more is due, poll again as soon as the queue drains. */
  private backlog = false;
  private pollTimer: NodeJS.Timeout | undefined;
  private stopped = true;
  private readonly now: () => number;

  constructor(private readonly deps: DispatcherDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Starts polling for due and abandoned deliveries (immediately, then every `pollMs`). */
  start(): void {
    this.stopped = false;
    void this.poll();
    this.pollTimer = setInterval(() => void this.poll(), this.deps.config.pollMs);
    this.pollTimer.unref();
  }

  /** Stops taking work and waits (bounded) for running attempts; queued ones stay in the store for the next start. */
  /**
   * Stops taking work and lets running handlers finish until `deadline` (the server's shutdown deadline). A handler
   * still running then keeps its lease and runs again once it expires, after the restart: at least once, and said.
   */
  async stop(deadline: AbortSignal = AbortSignal.timeout(STOP_GRACE_MS)): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    await this.releaseQueuedLeases();
    for (const batcher of this.batchers.values()) batcher.flush();
    while (this.active > 0 && !deadline.aborted) await new Promise((r) => setTimeout(r, 10));
    if (this.active > 0) {
      logger.warn({ batches: this.active }, 'shutdown deadline reached with inbound handlers still running; they run again once their leases expire');
    }
  }

  offerLease(): InboundLease | undefined {
    if (this.stopped || this.queue.length >= MAX_QUEUED) return undefined;
    return this.newLease();
  }

  replyLease(): InboundLease {
    return this.newLease();
  }

  /** The usual lease: it outlasts the handler timeout by a margin; a store that kept the request waiting renews it. */
  private newLease(): InboundLease {
    return { owner: this.owner, until: this.now() + this.deps.config.leaseMs };
  }

  enqueue(item: DispatchItem, lease?: InboundLease): void {
    // Leased under a stop that came while it was being stored: give it back rather than let it wait out the lease.
    if (this.stopped && lease) return void this.release([item.id]);
    // A leased row not queued here (queue full) waits for its lease to expire, then the poll takes it.
    if (this.stopped || this.queued.has(item.id) || this.queue.length >= MAX_QUEUED) return;
    this.items.set(item.id, item);
    if (lease) this.leased.set(item.id, lease.until);
    this.push(item.id);
  }

  async runNow(item: DispatchItem, deadlineMs: number, lease: InboundLease): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    // Started before the lease renewal: one waiting for the write lock must not hold the answer past the deadline.
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), Math.max(0, deadlineMs - this.now()))));
    try {
      return await Promise.race([this.runHeld(item, lease), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs a delivery stored under this dispatcher's reply lease: no claim, so no poll can have taken it first. */
  private async runHeld(item: DispatchItem, lease: InboundLease): Promise<unknown> {
    const [held] = await this.keepLeased([{ id: item.id, attempts: 1, catalogType: item.catalogType }], new Map([[item.id, lease.until]]));
    return held ? this.runHandler(item, held) : undefined;
  }

  /** Runs the attempt of a delivery this dispatcher holds; resolves with the handler's reply (undefined if it fails). */
  private runHandler(item: DispatchItem, claimed: ClaimedDelivery | Leased): Promise<unknown> {
    this.items.set(item.id, item);
    this.active++;
    // The reply goes out when the handler returns; the publish and the completion need not hold Slack's 3 s.
    const replied = new Promise<unknown>((resolve) => this.replyWaiters.set(item.id, resolve));
    this.attempt(claimed)
      .then((o) => this.complete([o.completion]))
      .catch((err) => logger.error({ err, id: item.id }, 'completing an inbound delivery failed; it runs again once its lease expires'))
      .finally(() => {
        // A handler that failed never replied: its caller gets the ack.
        this.settleReply(item.id, undefined);
        this.active--;
      });
    return replied;
  }

  /** Looks for due retries and expired leases (crash recovery) and queues them. */
  async poll(): Promise<void> {
    if (this.stopped) return;
    try {
      const limit = CLAIM_BATCH * MAX_ACTIVE_BATCHES;
      const ids = await this.deps.store.listDueDeliveries(this.now(), limit);
      this.backlog = ids.length === limit;
      for (const id of ids) if (!this.queued.has(id)) this.push(id);
      this.pollFailures.succeeded();
    } catch (err) {
      this.pollFailures.failed(err);
    }
  }

  /** True when nothing is queued or running (tests wait for this). */
  idle(): boolean {
    return this.queue.length === 0 && this.active === 0;
  }

  private push(id: string): void {
    this.queued.add(id);
    this.queue.push(id);
    if (!this.pumpScheduled) {
      this.pumpScheduled = true;
      // Deferred so that all deliveries committed in one turn are claimed in one transaction.
      setImmediate(() => {
        this.pumpScheduled = false;
        this.pump();
      });
    }
  }

  private pump(): void {
    while (!this.stopped && this.active < MAX_ACTIVE_BATCHES && this.queue.length > 0) {
      const ids = this.queue.splice(0, CLAIM_BATCH);
      this.active++;
      this.runBatch(ids)
        .catch((err) => logger.error({ err }, 'inbound dispatch batch failed'))
        .finally(() => {
          for (const id of ids) this.queued.delete(id);
          this.active--;
          this.pump();
          if (this.backlog && this.queue.length === 0 && this.active === 0) void this.poll();
        });
    }
  }

  private async runBatch(ids: string[]): Promise<void> {
    const held: Leased[] = [];
    const toClaim: string[] = [];
    /** When each lease of the batch ends, as far as this process knows. */
    const leaseEnds = new Map<string, number>();
    for (const id of ids) {
      const until = this.leased.get(id);
      if (until === undefined) {
        toClaim.push(id);
        continue;
      }
      this.leased.delete(id);
      held.push({ id, attempts: 1, catalogType: this.items.get(id)!.catalogType });
      leaseEnds.set(id, until);
    }
    const asked = this.now();
    const claimed = toClaim.length > 0 ? await this.deps.store.claimDeliveries(toClaim, this.owner, asked + this.deps.config.leaseMs, asked) : [];
    for (const c of claimed) leaseEnds.set(c.id, asked + this.deps.config.leaseMs);
    const claimedIds = new Set(claimed.map((c) => c.id));
    for (const id of toClaim) if (!claimedIds.has(id)) this.items.delete(id);
    const work = await this.keepLeased([...held, ...claimed], leaseEnds);
    if (work.length === 0) return;
    const outcomes = await Promise.all(work.map((c) => this.attempt(c)));
    await this.complete(outcomes.map((o) => o.completion));
  }

  /**
   * Leases that could run out under the attempt (a held delivery that waited in the queue, a claim that waited for
   * the database) are renewed first, fenced on owner and attempt; where another process has claimed the row since,
   * it is dropped here, so that the handler never runs in two places at once.
   */
  private async keepLeased<T extends Leased>(work: T[], leaseEnds: ReadonlyMap<string, number>): Promise<T[]> {
    const now = this.now();
    const short = work.filter((w) => leaseEnds.get(w.id)! - now < this.deps.config.handlerTimeoutMs + ATTEMPT_MARGIN_MS);
    if (short.length === 0) return work;
    const renewed = new Set<string>();
    // One fenced statement per attempt number: held leases are attempt 1, claims any.
    for (const attempt of new Set(short.map((w) => w.attempts))) {
      const ids = short.filter((w) => w.attempts === attempt).map((w) => w.id);
      try {
        for (const id of await this.deps.store.renewLeases(ids, this.owner, attempt, now + this.deps.config.leaseMs)) renewed.add(id);
      } catch (err) {
        logger.warn({ err, count: ids.length }, 'renewing inbound leases failed; those deliveries run once their leases expire');
      }
    }
    const lost = new Set(short.filter((w) => !renewed.has(w.id)).map((w) => w.id));
    for (const id of lost) this.items.delete(id);
    if (lost.size > 0) logger.info({ count: lost.size }, 'inbound deliveries whose lease ran out before they started were taken by another process; not running them here');
    return work.filter((w) => !lost.has(w.id));
  }

  /** On stop: leased rows still waiting here go back to `received` at once, instead of waiting out their lease. */
  private async releaseQueuedLeases(): Promise<void> {
    const held = this.queue.filter((id) => this.leased.has(id));
    for (const id of held) this.leased.delete(id);
    await this.release(held);
  }

  /** Gives back unstarted attempt-1 leases of this dispatcher: the rows are due again now. */
  private async release(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const at = new Date(this.now()).toISOString();
    try {
      await this.complete(ids.map((id) => ({ id, owner: this.owner, attempt: 1, status: 'received', lastError: null, nextAttemptAt: this.now(), at })));
    } catch (err) {
      logger.warn({ err, count: ids.length }, 'releasing inbound leases failed; those deliveries run once the leases expire');
    }
  }

  private async complete(completions: InboundCompletion[]): Promise<void> {
    await this.deps.store.completeDeliveries(completions);
  }

  /** One attempt: handler (single or batched), then the publish; never rejects. */
  private async attempt(claimed: ClaimedDelivery | Leased): Promise<Outcome> {
    const item = this.items.get(claimed.id) ?? ('receiver' in claimed ? this.rebuild(claimed) : undefined);
    this.items.delete(claimed.id);
    const base = { id: claimed.id, owner: this.owner, attempt: claimed.attempts };
    try {
      if (!item) throw new Error('The stored body no longer parses; nothing to dispatch');
      const reply = await this.process(item);
      inboundDispatch.inc({ type: item.catalogType, outcome: 'processed' });
      return { completion: { ...base, status: 'processed', lastError: null, nextAttemptAt: this.now(), at: new Date(this.now()).toISOString() }, reply };
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, MAX_ERROR_LENGTH);
      // A 4xx from the publisher (e.g. drifted data the catalog refuses) will not change on retry.
      const exhausted = claimed.attempts >= this.deps.config.maxAttempts || isPermanent(err);
      inboundDispatch.inc({ type: claimed.catalogType ?? 'unknown', outcome: exhausted ? 'failed' : 'retry' });
      logger.warn({ id: claimed.id, attempt: claimed.attempts, err: message }, exhausted ? 'inbound handler failed for good' : 'inbound handler failed; will retry');
      const nextAttemptAt = this.now() + Math.min(MAX_BACKOFF_MS, this.deps.config.retryBaseMs * 2 ** (claimed.attempts - 1));
      return { completion: { ...base, status: exhausted ? 'failed' : 'received', lastError: message, nextAttemptAt, at: new Date(this.now()).toISOString() }, reply: undefined };
    }
  }

  /** Runs the handler of the event (if any) and hands third-party events to the outbound publisher. */
  private async process(item: DispatchItem): Promise<unknown> {
    const standard = item.provider === 'standard-webhooks';
    const envelope = standard ? item.payload : { type: item.catalogType, timestamp: item.receivedAt, data: item.payload };
    const handler = await this.deps.handlers.get(item.catalogType);
    let reply: unknown;
    if (handler?.batch) await this.batcher(item.catalogType, handler).add(envelope);
    else if (handler) reply = firstOf(await withHandlerTimeout(item.catalogType, this.deps.config.handlerTimeoutMs, (signal) => handler.handle([envelope], { signal })));
    this.settleReply(item.id, reply);
    // Standard Webhooks events are already catalog events (possibly our own); republishing them could loop.
    if (!standard) await this.deps.publisher.publish(item.catalogType, item.payload, { idempotencyKey: `${INBOUND_KEY_PREFIX}${item.id}`, dataJson: item.payloadJson, keyOnly: true });
    return reply;
  }

  /** Hands a `runNow` caller its handler's reply, once; nothing when nobody waits for this delivery. */
  private settleReply(id: string, reply: unknown): void {
    this.replyWaiters.get(id)?.(reply);
    this.replyWaiters.delete(id);
  }

  private batcher(type: string, handler: LoadedHandler): HandlerBatcher {
    let batcher = this.batchers.get(type);
    if (!batcher) {
      batcher = new HandlerBatcher(type, handler, handler.batch!, this.deps.config.handlerTimeoutMs);
      this.batchers.set(type, batcher);
    }
    return batcher;
  }

  /** After a restart the payload is not in memory: parse the stored raw body again with its receiver. */
  private rebuild(claimed: ClaimedDelivery): DispatchItem | undefined {
    const receiver = this.deps.receivers.get(claimed.receiver);
    if (!receiver || !claimed.catalogType) return undefined;
    const parsed = receiver.parse(claimed.body, claimed.headers);
    if (!parsed.ok) return undefined;
    const { payload, payloadJson } = parsed.delivery;
    return { id: claimed.id, provider: claimed.provider, catalogType: claimed.catalogType, payload, payloadJson, receivedAt: claimed.receivedAt };
  }
}

/** A handler's reply (Slack slash commands): the value it returned for its one event, if it returned any. */
function firstOf(result: unknown): unknown {
  return Array.isArray(result) ? result[0] : result;
}

/** Errors that carry a 4xx status (HttpError from the publisher) are refusals, not outages. */
function isPermanent(err: unknown): boolean {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
