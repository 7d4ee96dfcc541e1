import { sign } from '@octokit/webhooks-methods';
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../outbound/support.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { startServer, type TestServer } from './support.js';

const SECRET = 'body-lost-secret';

describe('an inbound delivery whose raw body was damaged on disk', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ GITHUB_WEBHOOK_SECRET: SECRET, HOOKSPEC_INBOUND_DISPATCH: 'false' });
  });
  afterAll(() => s.close());

  it('shows that delivery without its body, saying why; the list around it and the server are unaffected', async () => {
    const post = async (id: string, body: string) => {
      const res = await fetch(`${s.url}/webhooks/github`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-github-event': 'ping', 'x-github-delivery': id, 'x-hub-signature-256': await sign(SECRET, body) },
        body,
      });
      return ((await res.json()) as { id: string }).id;
    };
    const body = JSON.stringify({ zen: 'Design for failure.', hook_id: 7 });
    const id = await post('lost-1', body);
    expect((await s.call('GET', `/v1/inbound/${id}`)).json.body).toBe(body);

    // What an OS crash can leave behind: the bytes on disk are not the bytes that were written.
    const dir = `${s.running.context.config.server.databaseUrl.slice('sqlite:'.length)}.bodies`;
    const segment = join(dir, readdirSync(dir).find((f) => f.endsWith('.body'))!);
    const bytes = readFileSync(segment);
    bytes[0] = bytes[0]! ^ 0xff;
    writeFileSync(segment, bytes);
    const intactBody = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 8 });
    const intact = await post('intact-1', intactBody);

    const got = await s.call('GET', `/v1/inbound/${id}`);
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ id, delivery_id: 'lost-1', event_type: 'ping', body: null, body_lost: expect.stringMatching(/raw body lost .*CRC mismatch/) });
    const listed = await s.call('GET', '/v1/inbound');
    expect(listed.status).toBe(200);
    // The list shows sizes, not bodies, so a damaged body does not stop the page either.
    expect(listed.json.data.map((d: { id: string; body_size: number }) => [d.id, d.body_size])).toEqual([[intact, Buffer.byteLength(intactBody)], [id, Buffer.byteLength(body)]]);
    expect(listed.json.data[0]).not.toHaveProperty('body');
    // The typed client accepts the answer: the spec allows a null body.
    const typed = await s.client.GET('/v1/inbound/{id}', { params: { path: { id } } });
    expect(typed.data?.body_lost).toMatch(/CRC mismatch/);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });

  it('refuses to replay it (409 inbound_body_lost): there is nothing to run', async () => {
    const listed = (await s.call('GET', '/v1/inbound?event_type=ping')).json.data as { id: string }[];
    const [lost] = (await Promise.all(listed.map(async (d) => (await s.call('GET', `/v1/inbound/${d.id}`)).json))).filter((d: { body_lost?: string }) => d.body_lost);
    const res = await s.call('POST', `/v1/inbound/${lost.id}/replay`);
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'inbound_body_lost', detail: expect.stringMatching(/cannot run again/) });
  });
});

describe('a damaged body among deliveries due for dispatch', () => {
  it('fails that delivery for good, naming why, and the others in its claim batch are processed', async () => {
    const tmp = makeTempDir();
    const databaseUrl = sqliteUrl(tmp.dir);
    const push = readFileSync(join(import.meta.dirname, '../fixtures/payloads/github-push.json'), 'utf8');
    try {
      // Stored by a receive-only process, so they wait in the log for a dispatcher to claim them from disk.
      const receiver = await startServer({ GITHUB_WEBHOOK_SECRET: SECRET, HOOKSPEC_INBOUND_DISPATCH: 'false', DATABASE_URL: databaseUrl });
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${receiver.url}/webhooks/github`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': `due-${i}`, 'x-hub-signature-256': await sign(SECRET, push) },
          body: push,
        });
        ids.push(((await res.json()) as { id: string }).id);
      }
      await receiver.close();
      const dir = `${databaseUrl.slice('sqlite:'.length)}.bodies`;
      const segment = join(dir, readdirSync(dir).find((f) => f.endsWith('.body'))!);
      const bytes = readFileSync(segment);
      bytes[0] = bytes[0]! ^ 0xff; // the first delivery's body starts the segment
      writeFileSync(segment, bytes);

      const dispatcher = await startServer({ GITHUB_WEBHOOK_SECRET: SECRET, DATABASE_URL: databaseUrl, HOOKSPEC_INBOUND_RETRY_BASE_MS: '10' });
      try {
        await eventually(async () => {
          const processed = await dispatcher.call('GET', '/v1/inbound?status=processed');
          expect(processed.json.data.map((d: { id: string }) => d.id).sort()).toEqual(ids.slice(1).sort());
        });
        expect(await dispatcher.running.context.store.inbound.listDueDeliveries(Date.now() + 60_000, 10)).toEqual([]);
      } finally {
        await dispatcher.close();
      }
      const db = new Database(databaseUrl.slice('sqlite:'.length), { readonly: true });
      const lost = db.prepare('SELECT status, last_error FROM inbound_deliveries WHERE id = ?').get(ids[0]) as { status: string; last_error: string };
      db.close();
      expect(lost.status).toBe('failed');
      expect(lost.last_error).toMatch(/raw body lost .*CRC mismatch/);
    } finally {
      tmp.cleanup();
    }
  });
});
