import { systemEventTypes } from '../../generated/aliases.js';
import type { OperationHandlers } from '../../generated/operations.js';
import { HttpError } from '../errors/http-error.js';
import { INBOUND_KEY_PREFIX } from '../outbound/publisher.js';
import type { ApiContext } from './context.js';
import { parseInstant } from './instant.js';
import { idPattern, page, pageQuery } from './pagination.js';
import { presentDelivery, presentEvent } from './presenters.js';

const EVENT_ID = idPattern('evt');
const DELIVERY_ID = idPattern('dlv');
/** The catalog's `x-hookspec-system` events: only the worker emits them (through the publisher, not this API), so subscribers can trust them. */
const SYSTEM_EVENT_TYPES: ReadonlySet<string> = new Set(systemEventTypes);

type EventOperations = Pick<OperationHandlers, 'publishEvent' | 'listEvents' | 'getEvent' | 'listEventDeliveries'>;

/** `/v1/events`: publish (validated, idempotent), list, read, and the deliveries of one event. */
export function eventOperations(ctx: ApiContext): EventOperations {
  const { outbound } = ctx.store;

  async function found(id: string) {
    const event = await outbound.getEvent(id);
    if (!event) throw new HttpError(404, 'not_found', `No event ${id}`);
    return event;
  }

  return {
    async publishEvent({ body, headers }) {
      const idempotencyKey = headers['Idempotency-Key'];
      // The receivers forward each inbound event under `inbound:<id>`: a caller's key there could pre-empt one.
      if (idempotencyKey?.startsWith(INBOUND_KEY_PREFIX)) {
        throw new HttpError(400, 'reserved_idempotency_key', `Idempotency-Key values starting with ${INBOUND_KEY_PREFIX} are hookspec's own; choose another key`);
      }
      if (SYSTEM_EVENT_TYPES.has(body.type)) {
        throw new HttpError(422, 'reserved_event_type', `"${body.type}" is emitted by hookspec itself and cannot be published: subscribers must be able to trust it`);
      }
      try {
        const event = await ctx.publisher.publish(body.type, body.data, idempotencyKey ? { idempotencyKey } : {});
        return { status: 202, body: event };
      } catch (err) {
        throw publishableOnly(err);
      }
    },

    async listEvents({ query }) {
      const q = pageQuery(query, EVENT_ID);
      const rows = await outbound.listEvents({ ...q, limit: q.limit + 1, type: query.type, since: query.since === undefined ? undefined : parseInstant('since', query.since) });
      return { status: 200, body: page(rows, q.limit, presentEvent) };
    },

    async getEvent({ params }) {
      return { status: 200, body: presentEvent(await found(params.id)) };
    },

    async listEventDeliveries({ params, query }) {
      await found(params.id);
      const q = pageQuery(query, DELIVERY_ID);
      // One row per subscription: bounded by the number of subscriptions, so paged in memory.
      const all = await outbound.listDeliveriesForEvent(params.id);
      const rows = all.filter((d) => q.cursor === undefined || d.id > q.cursor).slice(0, q.limit + 1);
      const attempts = await outbound.listAttempts(rows.slice(0, q.limit).map((d) => d.id));
      return { status: 200, body: page(rows, q.limit, (d) => presentDelivery(d, attempts)) };
    },
  };
}

/** The publisher lists every catalog type for an unknown one; through this API only the publishable ones are valid. */
function publishableOnly(err: unknown): unknown {
  if (!(err instanceof HttpError) || err.code !== 'unknown_event_type') return err;
  const valid = err.extra.valid_event_types;
  if (!Array.isArray(valid)) return err;
  return new HttpError(err.status, err.code, err.message, { extra: { ...err.extra, valid_event_types: valid.filter((t) => !SYSTEM_EVENT_TYPES.has(t)) } });
}
