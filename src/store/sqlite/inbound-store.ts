import {
  BodyLostError,
  initialState,
  type ClaimedDelivery, InboundCompletion, InboundDeliveryRow, InboundDeliverySummary, InboundListFilter, InboundRefusal, InboundRefusalFilter,
  InboundStatus, InboundStore,
  InsertedDelivery, NewInboundDelivery,
} from '../inbound-store.js';
import type { BodyLog, BodyRef } from './body-log.js';
import type { SqliteDatabase } from './database.js';
import { logger } from '../../observability/logger.js';
import { createLockWait } from './lock-wait.js';

interface DeliveryRecord {
  id: string;
  provider: string;
  receiver: string;
  delivery_id: string;
  event_type: string;
  catalog_type: string | null;
  headers: string;
  /** Null when the body is in the body log (see `body_segment`). */
  body: Buffer | null;
  body_segment: number | null;
  body_offset: number | null;
  body_length: number | null;
  body_crc: number | null;
  source: string;
  secret_index: number;
  validation_ok: number;
  validation_errors: string | null;
  status: InboundStatus;
  attempts: number;
  last_error: string | null;
  received_at: string;
  processed_at: string | null;
  /** Bytes in the raw body, wherever it is. */
  body_size: number;
}

/** The stored body ref of a row, if its body is in the body log. */
type BodyColumns = Pick<DeliveryRecord, 'body_segment' | 'body_offset' | 'body_length' | 'body_crc'>;

function refOf(r: BodyColumns): BodyRef | undefined {
  return r.body_segment === null ? undefined : { segment: r.body_segment, offset: r.body_offset!, length: r.body_length!, crc: r.body_crc! };
}

function toRow(r: DeliveryRecord, body: Buffer | BodyLostError): InboundDeliveryRow {
  return { ...toSummary(r), ...(body instanceof BodyLostError ? { body: null, bodyLost: body.message } : { body }) };
}

function toSummary(r: DeliveryRecord): InboundDeliverySummary {
  return {
    id: r.id,
    provider: r.provider,
    receiver: r.receiver,
    deliveryId: r.delivery_id,
    eventType: r.event_type,
    catalogType: r.catalog_type,
    headers: JSON.parse(r.headers) as Record<string, string>,
    bodySize: r.body_size,
    source: r.source,
    secretIndex: r.secret_index,
    validationOk: r.validation_ok === 1,
    validationErrors: r.validation_errors ? JSON.parse(r.validation_errors) : [],
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    receivedAt: r.received_at,
    processedAt: r.processed_at,
  };
}

/**
 * The inbound log on SQLite: prepared statements, one per operation; batches run in one transaction. With a body
 * log (a database file), raw bodies are appended there before the batch commits; without one (`:memory:`), they go
 * to the inbound_bodies table.
 */
export function createSqliteInboundStore(db: SqliteDatabase, bodyLog?: BodyLog): InboundStore {
  // Positional parameters: better-sqlite3 binds named ones by property lookup, which doubled the cost of this insert.
  const insert = db.prepare(
    `INSERT INTO inbound_deliveries (id, provider, receiver, delivery_id, event_type, catalog_type, headers, source,
       secret_index, validation_ok, validation_errors, status, attempts, lease_owner, next_attempt_at, received_at, processed_at,
       body_segment, body_offset, body_length, body_crc)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (provider, delivery_id) DO NOTHING`,
  );
  const insertBody = db.prepare('INSERT INTO inbound_bodies (delivery_rowid, body) VALUES (?, ?)');
  const existingId = db.prepare('SELECT id FROM inbound_deliveries WHERE provider = ? AND delivery_id = ?').pluck();
  const insertBatch = db.transaction((rows: NewInboundDelivery[], refs: BodyRef[] | undefined): InsertedDelivery[] =>
    rows.map((row, i) => {
      const ref = refs?.[i];
      const state = initialState(row);
      const { changes, lastInsertRowid } = insert.run(
        row.id, row.provider, row.receiver, row.deliveryId, row.eventType, row.catalogType, JSON.stringify(row.headers), row.source,
        row.secretIndex, row.validationOk ? 1 : 0, row.validationOk ? null : JSON.stringify(row.validationErrors), state.status,
        state.attempts, state.leaseOwner, state.nextAttemptAt, row.receivedAt, row.status === 'processed' ? row.receivedAt : null,
        ref?.segment ?? null, ref?.offset ?? null, ref?.length ?? null, ref?.crc ?? null,
      );
      if (changes === 1) {
        if (!refs) insertBody.run(lastInsertRowid, row.body);
        return { id: row.id, duplicate: false };
      }
      return { id: existingId.get(row.provider, row.deliveryId) as string, duplicate: true };
    }),
  );

  const bodyOf = db.prepare('SELECT body FROM inbound_bodies WHERE delivery_rowid = ?').pluck();
  // Reads the body of a row from wherever it was stored.
  const readBody = (rowid: number, r: BodyColumns & { body?: Buffer | null }): Buffer => {
    const ref = refOf(r);
    if (ref) {
      if (!bodyLog) throw new Error(`delivery body is in segment ${ref.segment} but this store has no body log`);
      return bodyLog.read(ref);
    }
    return r.body ?? (bodyOf.get(rowid) as Buffer);
  };
  // The body, or the reason it can no longer be read; any other error still throws.
  const bodyOrLoss = (rowid: number, r: BodyColumns & { body?: Buffer | null }): Buffer | BodyLostError => {
    try {
      return readBody(rowid, r);
    } catch (err) {
      if (err instanceof BodyLostError) return err;
      throw err;
    }
  };
  // A claim is one fenced update: only unfinished rows whose lease (if any) has expired.
  const claim = db.prepare(
    `UPDATE inbound_deliveries SET status = 'processing', attempts = attempts + 1, lease_owner = @owner, next_attempt_at = @leaseUntil
      WHERE id = @id AND status IN ('received', 'processing') AND next_attempt_at <= @now
      RETURNING rowid, id, provider, receiver, headers, catalog_type, event_type, received_at, attempts,
        body_segment, body_offset, body_length, body_crc`,
  );
  // A body that can no longer be read will not come back: that delivery fails for good, with the reason.
  const failLost = db.prepare(
    `UPDATE inbound_deliveries SET status = 'failed', last_error = ?, lease_owner = NULL, processed_at = ? WHERE id = ?`,
  );
  // One row, in a savepoint: a body that cannot be read right now (EMFILE, EIO) undoes just this claim.
  const claimOne = db.transaction((id: string, owner: string, leaseUntil: number, now: number): ClaimedDelivery | undefined => {
    const r = claim.get({ id, owner, leaseUntil, now }) as
      | ({ rowid: number; id: string; provider: string; receiver: string; headers: string; catalog_type: string | null; event_type: string; received_at: string; attempts: number } & BodyColumns)
      | undefined;
    if (!r) return undefined;
    const body = bodyOrLoss(r.rowid, r);
    // Thrown, it would roll back the claim of the whole batch, again on every poll: one damaged body would starve the rest.
    if (body instanceof BodyLostError) {
      failLost.run(body.message, new Date(now).toISOString(), r.id);
      return undefined;
    }
    return { id: r.id, provider: r.provider, receiver: r.receiver, headers: JSON.parse(r.headers) as Record<string, string>, catalogType: r.catalog_type, eventType: r.event_type, body, receivedAt: r.received_at, attempts: r.attempts };
  });
  const claimBatch = db.transaction((ids: string[], owner: string, leaseUntil: number, now: number): ClaimedDelivery[] => {
    const out: ClaimedDelivery[] = [];
    for (const id of ids) {
      try {
        const claimed = claimOne(id, owner, leaseUntil, now);
        if (claimed) out.push(claimed);
      } catch (err) {
        // Left unclaimed and due: a later poll tries again, and the rest of the batch goes ahead now.
        logger.warn({ err, id }, 'reading an inbound body failed; the delivery is tried again later');
      }
    }
    return out;
  });

  const complete = db.prepare(
    `UPDATE inbound_deliveries SET status = @status, last_error = @lastError, next_attempt_at = @nextAttemptAt, lease_owner = NULL,
       processed_at = CASE WHEN @status = 'received' THEN processed_at ELSE @at END
      WHERE id = @id AND status = 'processing' AND lease_owner = @owner AND attempts = @attempt`,
  );
  const completeBatch = db.transaction((completions: InboundCompletion[]): number => {
    let changed = 0;
    for (const c of completions) changed += complete.run(c).changes;
    return changed;
  });

  // Fenced like a completion: a row another dispatcher claimed since has another owner and attempt number.
  const renew = db.prepare(
    `UPDATE inbound_deliveries SET next_attempt_at = ? WHERE id = ? AND status = 'processing' AND lease_owner = ? AND attempts = ?`,
  );
  const renewBatch = db.transaction((ids: string[], owner: string, attempt: number, until: number): string[] =>
    ids.filter((id) => renew.run(until, id, owner, attempt).changes === 1),
  );

  const due = db.prepare(
    `SELECT id FROM inbound_deliveries WHERE status IN ('received', 'processing') AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?`,
  ).pluck();
  // length() of a blob reads its size from the record header, not the blob's overflow pages.
  const SUMMARY_FROM = `coalesce(d.body_length, length(b.body)) AS body_size
    FROM inbound_deliveries d LEFT JOIN inbound_bodies b ON b.delivery_rowid = d.rowid`;
  const SELECT_ROW = `SELECT d.rowid, d.*, b.body, ${SUMMARY_FROM}`;
  const SELECT_SUMMARY = `SELECT d.*, ${SUMMARY_FROM}`;
  // One damaged body leaves its own row without a body, not the whole page unreadable.
  const toFullRow = (r: DeliveryRecord & { rowid: number }) => toRow(r, bodyOrLoss(r.rowid, r));
  const byId = db.prepare(`${SELECT_ROW} WHERE d.id = ?`);
  // A replay starts over (attempts 0: the whole retry budget again); see REQUEUE_SQL in the PostgreSQL store.
  const requeue = db.prepare(
    `UPDATE inbound_deliveries SET status = 'received', attempts = 0, next_attempt_at = @now, last_error = NULL, lease_owner = NULL
      WHERE id = @id AND (status IN ('processed', 'failed') OR (status = 'received' AND attempts > 0 AND next_attempt_at > @now))`,
  );

  const insertRefusal = db.prepare(
    `INSERT INTO inbound_refusals (at, source, receiver, status, reason, detail, header_names, body_size)
     VALUES (@at, @source, @receiver, @status, @reason, @detail, @headerNames, @bodySize)`,
  );
  const pruneRefusals = db.prepare('DELETE FROM inbound_refusals WHERE id <= ?');
  const refusalBatch = db.transaction((rows: InboundRefusal[], keep: number) => {
    let last = 0;
    for (const row of rows) {
      last = Number(insertRefusal.run({ ...row, headerNames: JSON.stringify(row.headerNames) }).lastInsertRowid);
    }
    // Ids are dense (AUTOINCREMENT), so everything at or below last - keep is beyond the bound.
    if (last > keep) pruneRefusals.run(last - keep);
  });

  // Waiting for another process's write lock must not stop this one from reading requests meanwhile.
  const withLock = createLockWait(db);

  return {
    async insertDeliveries(rows) {
      // Bodies first: a committed row must never point at bytes not yet written.
      const refs = bodyLog && (await bodyLog.append(rows.map((r) => r.body)));
      return withLock(() => insertBatch.immediate(rows, refs));
    },
    async claimDeliveries(ids, owner, leaseUntil, now) {
      return withLock((waited) => claimBatch.immediate(ids, owner, leaseUntil + waited, now + waited));
    },
    async completeDeliveries(completions) {
      return withLock(() => completeBatch.immediate(completions));
    },
    async renewLeases(ids, owner, attempt, until) {
      return ids.length === 0 ? [] : withLock((waited) => renewBatch.immediate(ids, owner, attempt, until + waited));
    },
    async listDueDeliveries(now, limit) {
      return due.all(now, limit) as string[];
    },
    async getDelivery(id) {
      const r = byId.get(id) as (DeliveryRecord & { rowid: number }) | undefined;
      return r && toFullRow(r);
    },
    async listDeliveries(filter: InboundListFilter) {
      const where: string[] = [];
      const args: unknown[] = [];
      if (filter.provider) (where.push('d.provider = ?'), args.push(filter.provider));
      if (filter.eventType) (where.push('(d.event_type = ? OR substr(d.event_type, 1, ?) = ?)'), args.push(filter.eventType, filter.eventType.length + 1, `${filter.eventType}.`));
      if (filter.status) (where.push('d.status = ?'), args.push(filter.status));
      if (filter.before) (where.push('d.id < ?'), args.push(filter.before));
      const sql = `${SELECT_SUMMARY} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY d.id DESC LIMIT ?`;
      return (db.prepare(sql).all(...args, filter.limit) as DeliveryRecord[]).map(toSummary);
    },
    async requeueDelivery(id, now) {
      return withLock((waited) => requeue.run({ now: now + waited, id }).changes === 1);
    },
    async insertRefusals(rows, keep) {
      await withLock(() => refusalBatch.immediate(rows, keep));
    },
    async listRefusals(filter: InboundRefusalFilter) {
      const where: string[] = [];
      const args: unknown[] = [];
      if (filter.source) (where.push('source = ?'), args.push(filter.source));
      if (filter.receiver) (where.push('receiver = ?'), args.push(filter.receiver));
      if (filter.reason) (where.push('reason = ?'), args.push(filter.reason));
      if (filter.before !== undefined) (where.push('id < ?'), args.push(filter.before));
      const sql = `SELECT * FROM inbound_refusals ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?`;
      return (db.prepare(sql).all(...args, filter.limit) as (Omit<InboundRefusal, 'headerNames' | 'bodySize'> & { id: number; header_names: string; body_size: number | null })[]).map(
        ({ header_names, body_size, ...r }) => ({ ...r, headerNames: JSON.parse(header_names) as string[], bodySize: body_size }),
      );
    },
  };
}
