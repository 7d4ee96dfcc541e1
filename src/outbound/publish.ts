import { createHash } from 'node:crypto';
import { HttpError } from '../errors/http-error.js';
import type { ClaimedDelivery, InsertEventResult, NewEvent, OutboundStore } from '../store/outbound-store.js';
import { newId } from '../ids.js';
import { canonicalJson } from './canonical-json.js';
import { eventsPublished } from './metrics.js';
import type { EventPublisher, PublishedEvent, PublishOptions } from './publisher.js';

/** One schema failure, pointer relative to the publish request body (e.g. `/data/customer/email`). */
export interface PayloadError {
  pointer: string;
  keyword: string;
  message: string;
}

/** Checks an event's `data` against the catalog (backed by the generated validators). */
export interface EventValidator {
  readonly types: readonly string[];
  validate(type: string, data: unknown): { ok: true } | { ok: false; errors: PayloadError[] };
}

export interface OutboxPublisherDeps {
  store: OutboundStore;
  validator: EventValidator;
  idempotencyTtlMs: number;
  /** Called after a commit that created deliveries left pending (wakes the local worker). */
  onPublished?: () => void;
  /** The local worker's offer to take new deliveries under a lease at once (see `NewEvent.lease`), if it has room. */
  handoff?: () => DeliveryHandoff | undefined;
  now?: () => Date;
}

/** A lease offered by the local worker; `settle` is called exactly once, with what the store leased (maybe none). */
export interface DeliveryHandoff {
  lease: NonNullable<NewEvent['lease']>;
  settle(leased: ClaimedDelivery[]): void;
}

/** The outbox write: validate, then the event, its deliveries and the idempotency key in one transaction. */
export class OutboxPublisher implements EventPublisher {
  constructor(private readonly deps: OutboxPublisherDeps) {}

  /** Every event type of the catalog (what `events` of a subscription may name, besides `*`). */
  get eventTypes(): readonly string[] {
    return this.deps.validator.types;
  }

  async publish(type: string, data: unknown, options: PublishOptions = {}): Promise<PublishedEvent> {
    return this.write(type, data, options, undefined);
  }

  /** Publishes to one subscription only (the `ping` of `POST /v1/subscriptions/{id}/test`). */
  async publishTo(subscriptionId: string, type: string, data: unknown): Promise<PublishedEvent> {
    return this.write(type, data, {}, subscriptionId);
  }

  private async write(type: string, data: unknown, options: PublishOptions, onlySubscriptionId: string | undefined): Promise<PublishedEvent> {
    const { validator, store } = this.deps;
    if (!validator.types.includes(type)) {
      throw new HttpError(422, 'unknown_event_type', `"${type}" is not an event type of the catalog`, { extra: { valid_event_types: [...validator.types] } });
    }
    const checked = validator.validate(type, data);
    if (!checked.ok) {
      throw new HttpError(422, 'invalid_event_data', `data does not match the schema of "${type}" (${checked.errors.length} error(s))`, {
        extra: { errors: checked.errors },
      });
    }
    const dataJson = options.dataJson ?? JSON.stringify(data);
    const now = this.deps.now?.() ?? new Date();
    const idempotency = options.idempotencyKey
      ? {
          key: options.idempotencyKey,
          request_hash: options.keyOnly ? null : createHash('sha256').update(type).update('\0').update(canonicalJson(data)).digest('hex'),
          expires_at: new Date(now.getTime() + this.deps.idempotencyTtlMs),
        }
      : undefined;
    const handoff = onlySubscriptionId ? undefined : this.deps.handoff?.();
    let result: InsertEventResult;
    try {
      result = await store.insertEvent({
        id: newId('evt'),
        type,
        data_json: dataJson,
        created_at: now,
        only_subscription_id: onlySubscriptionId,
        idempotency,
        newDeliveryId: () => newId('dlv'),
        lease: handoff?.lease,
      });
    } catch (err) {
      handoff?.settle([]);
      throw err;
    }
    const leased = result.kind === 'created' ? (result.leased ?? []) : [];
    handoff?.settle(leased);
    if (result.kind === 'conflict') {
      throw new HttpError(409, 'idempotency_key_reused', `Idempotency-Key ${options.idempotencyKey} was used with a different body`);
    }
    if (result.kind === 'created') {
      eventsPublished.inc({ type });
      if (result.deliveries > leased.length) this.deps.onPublished?.();
    }
    return { id: result.event.id, type: result.event.type, created_at: result.event.created_at };
  }
}
