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

  it('is named as such (500 inbound_body_lost), not as an unexpected error, and the server stays up', async () => {
    const body = JSON.stringify({ zen: 'Design for failure.', hook_id: 7 });
    const res = await fetch(`${s.url}/webhooks/github`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'ping', 'x-github-delivery': 'lost-1', 'x-hub-signature-256': await sign(SECRET, body) },
      body,
    });
    const { id } = (await res.json()) as { id: string };
    expect((await s.call('GET', `/v1/inbound/${id}`)).json.body).toBe(body);

    // What an OS crash can leave behind: the bytes on disk are not the bytes that were written.
    const dir = `${s.running.context.config.server.databaseUrl.slice('sqlite:'.length)}.bodies`;
    const segment = join(dir, readdirSync(dir).find((f) => f.endsWith('.body'))!);
    const bytes = readFileSync(segment);
    bytes[0] = bytes[0]! ^ 0xff;
    writeFileSync(segment, bytes);

    const got = await s.call('GET', `/v1/inbound/${id}`);
    expect(got.status).toBe(500);
    expect(got.type).toContain('application/problem+json');
    expect(got.json).toMatchObject({ status: 500, code: 'inbound_body_lost' });
    expect(got.json.detail).toMatch(/CRC mismatch/);
    const listed = await s.call('GET', '/v1/inbound');
    expect(listed.json.code).toBe('inbound_body_lost');
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
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
