import { isUtf8 } from 'node:buffer';
import type { OperationHandlers } from '../../generated/operations.js';
import { HttpError } from '../errors/http-error.js';
import type { AppContext } from '../server/context.js';
import type { InboundDeliveryRow, InboundDeliverySummary, InboundRefusal, InboundStatus } from '../store/inbound-store.js';
import { idPattern, page, pageQuery } from './pagination.js';

type InboundOperations = Pick<OperationHandlers, 'listInbound' | 'getInbound' | 'replayInbound' | 'listInboundRefusals'>;

const INBOUND_ID = idPattern('in');
/** A refusal cursor: the id of the previous page's last row. */
const REFUSAL_CURSOR = /^[1-9][0-9]{0,15}$/;

/** A delivery as the list shows it: verification and validation results, the body's size but not the body. */
export function presentInboundSummary(row: InboundDeliverySummary) {
  return {
    id: row.id,
    provider: row.provider as 'github' | 'stripe' | 'slack' | 'standard-webhooks',
    delivery_id: row.deliveryId,
    event_type: row.eventType,
    received_at: row.receivedAt,
    headers: row.headers,
    body_size: row.bodySize,
    // Only verified deliveries are ever stored; refusals go to the audit instead.
    signature_valid: true,
    validation: { ok: row.validationOk, errors: row.validationErrors },
    status: row.status,
    attempts: row.attempts,
    last_error: row.lastError,
  };
}

/** One delivery with its raw body: as text, or as base64 when the bytes are not UTF-8. */
export function presentInbound(row: InboundDeliveryRow) {
  return {
    ...presentInboundSummary(row),
    ...spelledBody(row.body),
    ...(row.bodyLost === undefined ? {} : { body_lost: row.bodyLost }),
  };
}

/** Base64 unless the bytes are UTF-8: decoding them would put U+FFFD where the signed bytes were. */
function spelledBody(body: Buffer | null): { body: string | null; body_encoding: 'utf8' | 'base64' } {
  if (body === null || isUtf8(body)) return { body: body && body.toString('utf8'), body_encoding: 'utf8' };
  return { body: body.toString('base64'), body_encoding: 'base64' };
}

function presentRefusal(row: InboundRefusal & { id: number }) {
  return {
    id: row.id,
    at: row.at,
    source: row.source,
    receiver: row.receiver,
    status: row.status,
    reason: row.reason,
    detail: row.detail,
    header_names: row.headerNames,
    body_size: row.bodySize,
  };
}

/** `/v1/inbound`: list (filters + cursor), read one, replay (runs its handlers again); and the refusal audit. */
export function inboundOperations(ctx: AppContext): InboundOperations {
  const { inbound } = ctx.store;

  async function found(id: string): Promise<InboundDeliveryRow> {
    const row = INBOUND_ID.test(id) ? await inbound.getDelivery(id) : undefined;
    if (!row) throw new HttpError(404, 'not_found', `No inbound delivery ${id}`);
    return row;
  }

  return {
    async listInbound({ query }) {
      const q = pageQuery(query, INBOUND_ID);
      const rows = await inbound.listDeliveries({
        provider: query.provider,
        eventType: query.event_type,
        status: query.status as InboundStatus | undefined,
        before: q.cursor,
        limit: q.limit + 1,
      });
      return { status: 200, body: page(rows, q.limit, presentInboundSummary) };
    },

    async listInboundRefusals({ query }) {
      const q = pageQuery(query, REFUSAL_CURSOR);
      const rows = await ctx.store.inbound.listRefusals({
        source: query.source,
        receiver: query.receiver,
        reason: query.reason,
        before: q.cursor === undefined ? undefined : Number(q.cursor),
        limit: q.limit + 1,
      });
      return { status: 200, body: page(rows, q.limit, presentRefusal) };
    },

    async getInbound({ params }) {
      return { status: 200, body: presentInbound(await found(params.id)) };
    },

    async replayInbound({ params }) {
      const row = await found(params.id);
      if (row.bodyLost !== undefined) throw new HttpError(409, 'inbound_body_lost', `Inbound delivery ${row.id} cannot run again: its ${row.bodyLost}.`);
      if (!row.catalogType) throw new HttpError(409, 'nothing_to_replay', `Inbound delivery ${row.id} (${row.eventType}) maps to no catalog event; there is nothing to run.`);
      // The dispatcher's poll picks the row up; a delivery being processed or already due is not queued twice.
      if (!(await inbound.requeueDelivery(row.id, Date.now()))) {
        if ((await found(row.id)).status === 'processing') {
          throw new HttpError(409, 'delivery_in_progress', `Inbound delivery ${row.id} is being processed right now; replay it once it is done.`);
        }
        throw new HttpError(409, 'delivery_already_queued', `Inbound delivery ${row.id} is already queued to run; it runs once more without another replay.`);
      }
      return { status: 202, body: presentInbound(await found(row.id)) };
    },
  };
}
