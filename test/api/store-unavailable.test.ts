import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgres, type TestPostgres } from '../support/postgres.js';
import { relayTo } from '../support/tcp-relay.js';
import { mountTinyDisk } from '../support/tiny-disk.js';
import { startServer, validOrder } from './support.js';

// A database that cannot take a write is the operator's to fix and the client's to retry: 503 + Retry-After, never
// the 500 "unexpected error" it used to be.
const expectStoreUnavailable = (res: { status: number; type: string | null; json: any }, reason: RegExp) => {
  expect(res.status).toBe(503);
  expect(res.type).toMatch(/^application\/problem\+json/);
  expect(res.json).toMatchObject({ status: 503, code: 'store_unavailable', detail: expect.stringMatching(reason) });
};

const disk = mountTinyDisk('hookspec-api-disk-full-');
afterAll(() => disk.release());

describe.skipIf(!disk.mounted)('the management API on a full disk (SQLite)', () => {
  it('answers 503 store_unavailable with Retry-After, stays up, and takes writes again once space is freed', async () => {
    const filler = `${disk.dir}/filler`;
    writeFileSync(filler, Buffer.alloc(512 * 1024));
    const s = await startServer({ DATABASE_URL: `sqlite:${disk.dir}/hookspec.db` });
    try {
      const big = { ...validOrder, customer: { ...validOrder.customer, name: 'x'.repeat(30_000) } };
      let refused;
      for (let i = 0; i < 200 && !refused; i++) {
        const res = await s.call('POST', '/v1/events', { type: 'order.created', data: big });
        if (res.status !== 202) refused = res;
      }
      expect(refused).toBeDefined();
      expectStoreUnavailable(refused!, /disk is full/);
      const raw = await fetch(`${s.url}/v1/events`, {
        method: 'POST', headers: { authorization: 'Bearer test-key', 'content-type': 'application/json' }, body: JSON.stringify({ type: 'order.created', data: big }),
      });
      expect(raw.status).toBe(503);
      expect(raw.headers.get('retry-after')).toBe('1');
      // Reads still work, and so does the process.
      expect((await s.call('GET', '/v1/events?limit=1')).status).toBe(200);
      rmSync(filler);
      expect((await s.call('POST', '/v1/events', { type: 'order.created', data: validOrder })).status).toBe(202);
    } finally {
      await s.close();
    }
  });
});

const pg: TestPostgres | undefined = await freshPostgres();
afterAll(async () => pg?.drop());

describe.skipIf(!pg)('the management API with PostgreSQL out of reach', () => {
  it('answers 503 store_unavailable while the server cannot be reached, and recovers when it can', async () => {
    const url = new URL(pg!.url);
    const relay = await relayTo(new URL(pg!.url));
    url.port = String(relay.port);
    const s = await startServer({ DATABASE_URL: url.toString() });
    try {
      expect((await s.call('POST', '/v1/events', { type: 'order.created', data: validOrder })).status).toBe(202);
      await relay.cut();
      expectStoreUnavailable(await s.call('POST', '/v1/events', { type: 'order.created', data: validOrder }), /cannot be reached/);
      expectStoreUnavailable(await s.call('GET', '/v1/events?limit=1'), /cannot be reached/);
      await relay.restore();
      expect((await s.call('POST', '/v1/events', { type: 'order.created', data: validOrder })).status).toBe(202);
    } finally {
      await relay.cut();
      await s.close();
    }
  });
});
