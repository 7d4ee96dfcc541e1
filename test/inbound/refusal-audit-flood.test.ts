import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIT_PER_SOURCE } from '../../src/config/inbound.js';
import { AUDIT_SUPPRESSED } from '../../src/inbound/refusal-audit.js';
import { fixture, post, signed, startHarness, type Harness } from './support/harness.js';

const KEEP = 500;
const push = fixture('github-push.json');

/** Sends `count` requests pipelined on one connection and resolves once every response has arrived. */
function pipelined(url: string, request: string, count: number): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    let answered = 0;
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      answered = text.split('HTTP/1.1 405 ').length - 1;
      if (answered === count) socket.end();
    });
    socket.on('close', () => resolve(answered));
    socket.on('error', reject);
    socket.write(request.repeat(count));
  });
}

describe(`the refusal audit under one client's flood (HOOKSPEC_INBOUND_AUDIT_KEEP=${KEEP})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ HOOKSPEC_INBOUND_AUDIT_KEEP: String(KEEP) });
  });
  afterAll(async () => {
    await h.close();
  });

  it('600 pipelined GETs do not push a real invalid_signature row out; they are counted instead', async () => {
    const req = await signed.github(push);
    expect((await post(h.url, { ...req, headers: { ...req.headers, 'x-hub-signature-256': 'sha256=' + '0'.repeat(64) } })).status).toBe(401);
    await h.settle();
    const [real] = await h.store.inbound.listRefusals({ limit: 1 });
    expect(real).toMatchObject({ reason: 'invalid_signature' });

    expect(await pipelined(h.url, `GET /webhooks/github HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n`, 600)).toBe(600);
    await h.settle();
    const rows = await h.store.inbound.listRefusals({ limit: 1000 });
    expect(rows.find((r) => r.id === real!.id)).toEqual(real);
    expect(rows.filter((r) => r.reason === 'method_not_allowed')).toHaveLength(DEFAULT_AUDIT_PER_SOURCE);
    expect(rows.filter((r) => r.reason === AUDIT_SUPPRESSED)).toEqual([
      expect.objectContaining({ source: '127.0.0.1', status: 405, receiver: 'receiveGithubWebhook', bodySize: 600 - DEFAULT_AUDIT_PER_SOURCE }),
    ]);
  });
});

describe('the refusal audit of a request with many long header names', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('stores the names cut short (15 names of 1000 characters took 16 KB a row)', async () => {
    const long = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`x-${i}-`.padEnd(1000, 'a'), '1']));
    const res = await fetch(`${h.url}/webhooks/github`, { method: 'POST', headers: { 'content-type': 'text/plain', ...long }, body: 'x' });
    expect(res.status).toBe(415);
    await h.settle();
    const [row] = await h.store.inbound.listRefusals({ limit: 1 });
    expect(row!.headerNames.filter((n) => n.startsWith('x-'))).toHaveLength(15);
    expect(Math.max(...row!.headerNames.map((n) => n.length))).toBe(64);
    expect(JSON.stringify(row!.headerNames).length).toBeLessThan(1500);
  });
});
