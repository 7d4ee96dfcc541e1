import { sign } from '@octokit/webhooks-methods';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
