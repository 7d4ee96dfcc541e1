import {
  initialState,
  type ClaimedDelivery,
  type InboundDeliveryRow,
  type InboundDeliverySummary,
  type InboundRefusal,
  type InboundRefusalFilter,
  type InboundStatus,
  type InboundStore,
  type InboundValidationError,
  type InsertedDelivery,
  type NewInboundDelivery,
} from '../inbound-store.js';
import { inTransaction, type PostgresPool } from './database.js';

interface DeliveryRecord {
  id: string;
  provider: string;
  receiver: string;
  delivery_id: string;
  event_type: string;
  catalog_type: string | null;
  headers: Record<string, string>;
  body: Buffer;
  source: string;
  secret_index: number;
  validation_ok: boolean;
  validation_errors: InboundValidationError[] | null;
  status: InboundStatus;
  attempts: number;
  last_error: string | null;
  received_at: Date;
  processed_at: Date | null;
  body_size: number;
}

interface RefusalRecord {
  id: number;
  at: Date;
  source: string;
  receiver: string;
  status: number;
  reason: string;
  detail: string | null;
  header_names: string[];
  body_size: number | null;
}

const SUMMARY_COLUMNS = `id, provider, receiver, delivery_id, event_type, catalog_type, headers, source, secret_index,
  validation_ok, validation_errors, status, attempts, last_error, received_at, processed_at, octet_length(body) AS body_size`;
const DELIVERY_COLUMNS = `${SUMMARY_COLUMNS}, body`;

/**
 * Group commit as one statement: the whole batch is one multi-row INSERT (arrays unnested), and a delivery id
 * another API node stored first, even a moment ago, is skipped by the unique constraint instead of failing.
 */
const INSERT_BATCH_SQL = `INSERT INTO inbound_deliveries (id, provider, receiver, delivery_id, event_type, catalog_type, headers, body,
    source, secret_index, validation_ok, validation_errors, status, attempts, lease_owner, next_attempt_at, received_at, processed_at)
  SELECT r.id, r.provider, r.receiver, r.delivery_id, r.event_type, r.catalog_type, r.headers::json, r.body, r.source, r.secret_index,
    r.validation_ok, r.validation_errors::json, r.status, r.attempts, r.lease_owner, r.next_attempt_at, r.received_at,
    CASE WHEN r.status = 'processed' THEN r.received_at END
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bytea[], $9::text[],
    $10::int[], $11::bool[], $12::text[], $13::text[], $14::bigint[], $15::timestamptz[], $16::int[], $17::text[])
    AS r(id, provider, receiver, delivery_id, event_type, catalog_type, headers, body, source, secret_index, validation_ok,
      validation_errors, status, next_attempt_at, received_at, attempts, lease_owner)
  ON CONFLICT (provider, delivery_id) DO NOTHING
  RETURNING id`;

/** A claim is one fenced update over the batch: only unfinished rows whose lease (if any) has expired. */
const CLAIM_SQL = `UPDATE inbound_deliveries SET status = 'processing', attempts = attempts + 1, lease_owner = $2, next_attempt_at = $3
  WHERE id = ANY ($1::text[]) AND status IN ('received', 'processing') AND next_attempt_at <= $4
  RETURNING id, provider, receiver, headers, catalog_type, event_type, body, received_at, attempts`;

const COMPLETE_SQL = `UPDATE inbound_deliveries d SET status = c.status, last_error = c.last_error, next_attempt_at = c.next_attempt_at,
    lease_owner = NULL, processed_at = CASE WHEN c.status = 'received' THEN d.processed_at ELSE c.at END
  FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::bigint[], $7::timestamptz[])
    AS c(id, owner, attempt, status, last_error, next_attempt_at, at)
  WHERE d.id = c.id AND d.status = 'processing' AND d.lease_owner = c.owner AND d.attempts = c.attempt`;

/**
 * A replay starts over: attempts 0 (the whole retry budget again). Finished rows, and rows waiting out a retry's
 * backoff (they run now); not one being processed, nor one already due or never tried (attempts 0: new, or replayed
 * a moment ago), whose next run the replay would only join.
 */
const REQUEUE_SQL = `UPDATE inbound_deliveries SET status = 'received', attempts = 0, next_attempt_at = $1, last_error = NULL, lease_owner = NULL
  WHERE id = $2 AND (status IN ('processed', 'failed') OR (status = 'received' AND attempts > 0 AND next_attempt_at > $1))`;

/** Fenced like a completion: a row another dispatcher claimed since has another owner and attempt number. */
const RENEW_SQL = `UPDATE inbound_deliveries SET next_attempt_at = $4
  WHERE id = ANY ($1::text[]) AND status = 'processing' AND lease_owner = $2 AND attempts = $3
  RETURNING id`;

/** The inbound log on PostgreSQL: one statement per operation, shared by every API node and dispatcher. */
export function createPostgresInboundStore(pool: PostgresPool): InboundStore {
  return {
    async insertDeliveries(rows) {
      if (rows.length === 0) return [];
      // Sorted by key, so two nodes inserting overlapping batches wait on each other in one order (no deadlock).
      const sorted = [...rows].sort((a, b) => compareKeys(a.provider, a.deliveryId, b.provider, b.deliveryId));
      const states = sorted.map(initialState);
      return inTransaction(pool, async (client): Promise<InsertedDelivery[]> => {
        const inserted = await client.query<{ id: string }>({
          name: 'hookspec_inbound_insert_batch',
          text: INSERT_BATCH_SQL,
          values: [
            sorted.map((r) => r.id),
            sorted.map((r) => r.provider),
            sorted.map((r) => r.receiver),
            sorted.map((r) => r.deliveryId),
            sorted.map((r) => r.eventType),
            sorted.map((r) => r.catalogType),
            sorted.map((r) => JSON.stringify(r.headers)),
            sorted.map((r) => r.body),
            sorted.map((r) => r.source),
            sorted.map((r) => r.secretIndex),
            sorted.map((r) => r.validationOk),
            sorted.map((r) => (r.validationOk ? null : JSON.stringify(r.validationErrors))),
            states.map((s) => s.status),
            states.map((s) => s.nextAttemptAt),
            sorted.map((r) => r.receivedAt),
            states.map((s) => s.attempts),
            states.map((s) => s.leaseOwner),
          ],
        });
        const fresh = new Set(inserted.rows.map((r) => r.id));
        const duplicates = rows.filter((r) => !fresh.has(r.id));
        const existing = new Map<string, string>();
        if (duplicates.length > 0) {
          const found = await client.query<{ id: string; provider: string; delivery_id: string }>(
            `SELECT d.id, d.provider, d.delivery_id FROM inbound_deliveries d
             JOIN unnest($1::text[], $2::text[]) AS k(provider, delivery_id) ON d.provider = k.provider AND d.delivery_id = k.delivery_id`,
            [duplicates.map((r) => r.provider), duplicates.map((r) => r.deliveryId)],
          );
          for (const f of found.rows) existing.set(`${f.provider}\u0000${f.delivery_id}`, f.id);
        }
        return rows.map((r) =>
          fresh.has(r.id) ? { id: r.id, duplicate: false } : { id: existing.get(`${r.provider}\u0000${r.deliveryId}`)!, duplicate: true },
        );
      });
    },

    async claimDeliveries(ids, owner, leaseUntil, now) {
      if (ids.length === 0) return [];
      const { rows } = await pool.query<{
        id: string;
        provider: string;
        receiver: string;
        headers: Record<string, string>;
        catalog_type: string | null;
        event_type: string;
        body: Buffer;
        received_at: Date;
        attempts: number;
      }>({ name: 'hookspec_inbound_claim', text: CLAIM_SQL, values: [ids, owner, leaseUntil, now] });
      const byId = new Map(rows.map((r) => [r.id, r]));
      // Keep the caller's order (oldest first); rows another node holds are simply absent.
      return ids.flatMap((id): ClaimedDelivery[] => {
        const r = byId.get(id);
        if (!r) return [];
        return [
          {
            id: r.id,
            provider: r.provider,
            receiver: r.receiver,
            headers: r.headers,
            catalogType: r.catalog_type,
            eventType: r.event_type,
            body: r.body,
            receivedAt: r.received_at.toISOString(),
            attempts: r.attempts,
          },
        ];
      });
    },

    async completeDeliveries(completions) {
      if (completions.length === 0) return 0;
      const result = await pool.query({
        name: 'hookspec_inbound_complete',
        text: COMPLETE_SQL,
        values: [
          completions.map((c) => c.id),
          completions.map((c) => c.owner),
          completions.map((c) => c.attempt),
          completions.map((c) => c.status),
          completions.map((c) => c.lastError),
          completions.map((c) => c.nextAttemptAt),
          completions.map((c) => c.at),
        ],
      });
      return result.rowCount ?? 0;
    },

    async renewLeases(ids, owner, attempt, until) {
      if (ids.length === 0) return [];
      const { rows } = await pool.query<{ id: string }>({ name: 'hookspec_inbound_renew', text: RENEW_SQL, values: [ids, owner, attempt, until] });
      return rows.map((r) => r.id);
    },

    async listDueDeliveries(now, limit) {
      const { rows } = await pool.query<{ id: string }>(
        `SELECT id FROM inbound_deliveries WHERE status IN ('received', 'processing') AND next_attempt_at <= $1
         ORDER BY next_attempt_at LIMIT $2`,
        [now, limit],
      );
      return rows.map((r) => r.id);
    },

    async getDelivery(id) {
      const { rows } = await pool.query<DeliveryRecord>(`SELECT ${DELIVERY_COLUMNS} FROM inbound_deliveries WHERE id = $1`, [id]);
      return rows[0] && toRow(rows[0]);
    },

    async listDeliveries(filter) {
      const { rows } = await pool.query<DeliveryRecord>(
        `SELECT ${SUMMARY_COLUMNS} FROM inbound_deliveries
         WHERE ($1::text IS NULL OR provider = $1) AND ($2::text IS NULL OR event_type = $2 OR starts_with(event_type, $2 || '.'))
           AND ($3::text IS NULL OR status = $3)
           AND ($4::text IS NULL OR id < $4)
         ORDER BY id DESC LIMIT $5`,
        [filter.provider || null, filter.eventType || null, filter.status || null, filter.before || null, filter.limit],
      );
      return rows.map(toSummary);
    },

    async requeueDelivery(id, now) {
      const result = await pool.query(REQUEUE_SQL, [now, id]);
      return result.rowCount === 1;
    },

    async insertRefusals(rows, keep) {
      if (rows.length === 0) return;
      await inTransaction(pool, async (client) => {
        const inserted = await client.query<{ last: number }>(
          `WITH ins AS (
             INSERT INTO inbound_refusals (at, source, receiver, status, reason, header_names, body_size, detail)
             SELECT r.at, r.source, r.receiver, r.status, r.reason, r.header_names::json, r.body_size, r.detail
             FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::int[], $8::text[])
               WITH ORDINALITY AS r(at, source, receiver, status, reason, header_names, body_size, detail, n)
             ORDER BY r.n RETURNING id)
           SELECT max(id) AS last FROM ins`,
          [
            rows.map((r) => r.at),
            rows.map((r) => r.source),
            rows.map((r) => r.receiver),
            rows.map((r) => r.status),
            rows.map((r) => r.reason),
            rows.map((r) => JSON.stringify(r.headerNames)),
            rows.map((r) => r.bodySize),
            rows.map((r) => r.detail),
          ],
        );
        const last = Number(inserted.rows[0]?.last ?? 0);
        // Identity ids are nearly dense (gaps only from rollbacks), so this keeps at least `keep` rows.
        if (last > keep) await client.query('DELETE FROM inbound_refusals WHERE id <= $1', [last - keep]);
      });
    },

    async listRefusals(filter: InboundRefusalFilter) {
      const { rows } = await pool.query<RefusalRecord>(
        `SELECT * FROM inbound_refusals
         WHERE ($1::text IS NULL OR source = $1) AND ($2::text IS NULL OR receiver = $2) AND ($3::text IS NULL OR reason = $3)
           AND ($4::bigint IS NULL OR id < $4)
         ORDER BY id DESC LIMIT $5`,
        [filter.source || null, filter.receiver || null, filter.reason || null, filter.before ?? null, filter.limit],
      );
      return rows.map((r) => ({
        id: Number(r.id),
        at: r.at.toISOString(),
        source: r.source,
        receiver: r.receiver,
        status: r.status,
        reason: r.reason,
        detail: r.detail,
        headerNames: r.header_names,
        bodySize: r.body_size,
      }));
    },
  };
}

function compareKeys(p1: string, d1: string, p2: string, d2: string): number {
  if (p1 !== p2) return p1 < p2 ? -1 : 1;
  return d1 < d2 ? -1 : d1 > d2 ? 1 : 0;
}

function toRow(r: DeliveryRecord): InboundDeliveryRow {
  return { ...toSummary(r), body: r.body };
}

function toSummary(r: Omit<DeliveryRecord, 'body'>): InboundDeliverySummary {
  return {
    id: r.id,
    provider: r.provider,
    receiver: r.receiver,
    deliveryId: r.delivery_id,
    eventType: r.event_type,
    catalogType: r.catalog_type,
    headers: r.headers,
    bodySize: r.body_size,
    source: r.source,
    secretIndex: r.secret_index,
    validationOk: r.validation_ok,
    validationErrors: r.validation_errors ?? [],
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    receivedAt: r.received_at.toISOString(),
    processedAt: r.processed_at?.toISOString() ?? null,
  };
}
