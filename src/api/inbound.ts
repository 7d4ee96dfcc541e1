import type { OperationHandlers } from '../../generated/operations.js';
import { HttpError } from '../errors/http-error.js';
import type { AppContext } from '../server/context.js';
import type { InboundDeliveryRow, InboundStatus } from '../store/inbound-store.js';
import { page, pageQuery } from './pagination.js';

type InboundOperations = Pick<OperationHandlers, 'listInbound' | 'getInbound' | 'replayInbound'>;

const INBOUND_ID = /^in_[0-9a-z]+$/;

/** The inbound log as the API shows it: raw body as text, verification and validation results. */
export function presentInbound(row: InboundDeliveryRow) {
  return {
    id: row.id,
    provider: row.provider as 'github' | 'stripe' | 'slack' | 'standard-webhooks',
    delivery_id: row.deliveryId,
    event_type: row.eventType,
    received_at: row.receivedAt,
    headers: row.headers,
    body: row.body === null ? null : row.body.toString('utf8'),
    ...(row.bodyLost === undefined ? {} : { body_lost: row.bodyLost }),
    // Only verified deliveries are ever stored; refusals go to the audit instead.
    signature_valid: true,
    validation: { ok: row.validationOk, errors: row.validationErrors },
    status: row.status,
    attempts: row.attempts,
    last_error: row.lastError,
  };
}

/** `/v1/inbound`: list (filters + cursor), read one, replay (runs its handlers again). */
export function inboundOperations(ctx: AppContext): InboundOperations {
  const { inbound } = ctx.store;

  async function found(id: string): Promise<InboundDeliveryRow> {
    const row = INBOUND_ID.test(id) ? await inbound.getDelivery(id) : undefined;
    if (!row) throw new HttpError(404, 'not_found', `No inbound delivery ${id}`);
    return row;
  }

  return {
    async listInbound({ query }) {
      const q = pageQuery(query);
      if (q.cursor !== undefined && !INBOUND_ID.test(q.cursor)) throw new HttpError(400, 'invalid_cursor', 'cursor must be a next_cursor value from a previous page');
      const rows = await inbound.listDeliveries({
        provider: query.provider,
        eventType: query.event_type,
        status: query.status as InboundStatus | undefined,
        before: q.cursor,
        limit: q.limit + 1,
      });
      return { status: 200, body: page(rows, q.limit, presentInbound) };
    },

    async getInbound({ params }) {
      return { status: 200, body: presentInbound(await found(params.id)) };
    },

    async replayInbound({ params }) {
      const row = await found(params.id);
      if (row.bodyLost !== undefined) throw new HttpError(409, 'inbound_body_lost', `Inbound delivery ${row.id} cannot run again: its ${row.bodyLost}.`);
      if (!row.catalogType) throw new HttpError(409, 'nothing_to_replay', `Inbound delivery ${row.id} (${row.eventType}) maps to no catalog event; there is nothing to run.`);
      // The dispatcher's poll picks the row up; a delivery being processed right now is not queued twice.
      if (!(await inbound.requeueDelivery(row.id, Date.now()))) {
        throw new HttpError(409, 'delivery_in_progress', `Inbound delivery ${row.id} is being processed right now; replay it once it is done.`);
      }
      return { status: 202, body: presentInbound(await found(row.id)) };
    },
  };
}
