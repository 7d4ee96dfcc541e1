import type {
  ClaimedDelivery, InboundCompletion, InboundDeliveryRow, InboundListFilter, InboundRefusal, InboundStatus, InboundStore,
  InsertedDelivery, NewInboundDelivery,
} from '../inbound-store.js';
import type { SqliteDatabase } from './database.js';

interface DeliveryRecord {
  id: string;
  provider: string;
  receiver: string;
  delivery_id: string;
  event_type: string;
  catalog_type: string | null;
  headers: string;
  body: Buffer;
  source: string;
  secret_index: number;
  validation_ok: number;
  validation_errors: string | null;
  status: InboundStatus;
  attempts: number;
  last_error: string | null;
  received_at: string;
  processed_at: string | null;
}

function toRow(r: DeliveryRecord): InboundDeliveryRow {
  return {
    id: r.id,
    provider: r.provider,
    receiver: r.receiver,
    deliveryId: r.delivery_id,
    eventType: r.event_type,
    catalogType: r.catalog_type,
    headers: JSON.parse(r.headers) as Record<string, string>,
    body: r.body,
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

/** The inbound log on SQLite: prepared statements, one per operation; batches run in one transaction. */
export function createSqliteInboundStore(db: SqliteDatabase): InboundStore {
  const insert = db.prepare(
    `INSERT INTO inbound_deliveries (id, provider, receiver, delivery_id, event_type, catalog_type, headers, source,
       secret_index, validation_ok, validation_errors, status, attempts, next_attempt_at, received_at, processed_at)
     VALUES (@id, @provider, @receiver, @deliveryId, @eventType, @catalogType, @headers, @source,
       @secretIndex, @validationOk, @validationErrors, @status, 0, @nextAttemptAt, @receivedAt, @processedAt)
     ON CONFLICT (provider, delivery_id) DO NOTHING`,
  );
  const insertBody = db.prepare('INSERT INTO inbound_bodies (delivery_rowid, body) VALUES (?, ?)');
  const existingId = db.prepare('SELECT id FROM inbound_deliveries WHERE provider = ? AND delivery_id = ?').pluck();
  const insertBatch = db.transaction((rows: NewInboundDelivery[]): InsertedDelivery[] =>
    rows.map((row) => {
      const { changes, lastInsertRowid } = insert.run({
        id: row.id,
        provider: row.provider,
        receiver: row.receiver,
        deliveryId: row.deliveryId,
        eventType: row.eventType,
        catalogType: row.catalogType,
        source: row.source,
        secretIndex: row.secretIndex,
        status: row.status,
        nextAttemptAt: row.nextAttemptAt,
        receivedAt: row.receivedAt,
        headers: JSON.stringify(row.headers),
        validationOk: row.validationOk ? 1 : 0,
        validationErrors: row.validationOk ? null : JSON.stringify(row.validationErrors),
        processedAt: row.status === 'processed' ? row.receivedAt : null,
      });
      if (changes === 1) {
        insertBody.run(lastInsertRowid, row.body);
        return { id: row.id, duplicate: false };
      }
      return { id: existingId.get(row.provider, row.deliveryId) as string, duplicate: true };
    }),
  );

  const bodyOf = db.prepare('SELECT body FROM inbound_bodies WHERE delivery_rowid = ?').pluck();
  // A claim is one fenced update: only unfinished rows whose lease (if any) has expired.
  const claim = db.prepare(
    `UPDATE inbound_deliveries SET status = 'processing', attempts = attempts + 1, lease_owner = @owner, next_attempt_at = @leaseUntil
      WHERE id = @id AND status IN ('received', 'processing') AND next_attempt_at <= @now
      RETURNING rowid, id, provider, receiver, headers, catalog_type, event_type, received_at, attempts`,
  );
  const claimBatch = db.transaction((ids: string[], owner: string, leaseUntil: number, now: number): ClaimedDelivery[] => {
    const out: ClaimedDelivery[] = [];
    for (const id of ids) {
      const r = claim.get({ id, owner, leaseUntil, now }) as
        | { rowid: number; id: string; provider: string; receiver: string; headers: string; catalog_type: string | null; event_type: string; received_at: string; attempts: number }
        | undefined;
      if (r) out.push({ id: r.id, provider: r.provider, receiver: r.receiver, headers: JSON.parse(r.headers) as Record<string, string>, catalogType: r.catalog_type, eventType: r.event_type, body: bodyOf.get(r.rowid) as Buffer, receivedAt: r.received_at, attempts: r.attempts });
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

  const due = db.prepare(
    `SELECT id FROM inbound_deliveries WHERE status IN ('received', 'processing') AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?`,
  ).pluck();
  const SELECT_ROW = 'SELECT d.*, b.body FROM inbound_deliveries d JOIN inbound_bodies b ON b.delivery_rowid = d.rowid';
  const byId = db.prepare(`${SELECT_ROW} WHERE d.id = ?`);
  const requeue = db.prepare(
    `UPDATE inbound_deliveries SET status = 'received', next_attempt_at = ?, last_error = NULL, lease_owner = NULL
      WHERE id = ? AND status <> 'processing'`,
  );

  const insertRefusal = db.prepare(
    `INSERT INTO inbound_refusals (at, source, receiver, status, reason, header_names, body_size)
     VALUES (@at, @source, @receiver, @status, @reason, @headerNames, @bodySize)`,
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
  const recentRefusals = db.prepare('SELECT * FROM inbound_refusals ORDER BY id DESC LIMIT ?');

  return {
    async insertDeliveries(rows) {
      return insertBatch(rows);
    },
    async claimDeliveries(ids, owner, leaseUntil, now) {
      return claimBatch(ids, owner, leaseUntil, now);
    },
    async completeDeliveries(completions) {
      return completeBatch(completions);
    },
    async listDueDeliveries(now, limit) {
      return due.all(now, limit) as string[];
    },
    async getDelivery(id) {
      const r = byId.get(id) as DeliveryRecord | undefined;
      return r && toRow(r);
    },
    async listDeliveries(filter: InboundListFilter) {
      const where: string[] = [];
      const args: unknown[] = [];
      if (filter.provider) (where.push('d.provider = ?'), args.push(filter.provider));
      if (filter.eventType) (where.push('d.event_type = ?'), args.push(filter.eventType));
      if (filter.status) (where.push('d.status = ?'), args.push(filter.status));
      if (filter.before) (where.push('d.id < ?'), args.push(filter.before));
      const sql = `${SELECT_ROW} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY d.id DESC LIMIT ?`;
      return (db.prepare(sql).all(...args, filter.limit) as DeliveryRecord[]).map(toRow);
    },
    async requeueDelivery(id, now) {
      return requeue.run(now, id).changes === 1;
    },
    async insertRefusals(rows, keep) {
      refusalBatch(rows, keep);
    },
    async listRefusals(limit) {
      return (recentRefusals.all(limit) as (Omit<InboundRefusal, 'headerNames' | 'bodySize'> & { id: number; header_names: string; body_size: number | null })[]).map(
        ({ header_names, body_size, ...r }) => ({ ...r, headerNames: JSON.parse(header_names) as string[], bodySize: body_size }),
      );
    },
  };
}
