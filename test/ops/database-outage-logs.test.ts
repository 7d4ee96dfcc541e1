import { createHmac } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgres, type TestPostgres } from '../support/postgres.js';
import { spawnServer } from '../support/spawn-server.js';
import { relayTo } from '../support/tcp-relay.js';

const pg: TestPostgres | undefined = await freshPostgres();
afterAll(async () => pg?.drop());

/** The `msg` of every JSON log line so far. */
const messages = (output: string): string[] =>
  output.split('\n').filter((l) => l.startsWith('{')).map((l) => (JSON.parse(l) as { msg: string }).msg);

const GITHUB_SECRET = 'outage-test-secret';
/** A GitHub delivery, signed with `secret`. */
const github = (url: string, delivery: string, secret = GITHUB_SECRET) => {
  const body = JSON.stringify({ zen: 'Outages happen.', hook_id: 1 });
  return fetch(`${url}/webhooks/github`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json', 'x-github-event': 'ping', 'x-github-delivery': delivery,
      'x-hub-signature-256': 'sha256=' + createHmac('sha256', secret).update(body).digest('hex'),
    },
  });
};

/** A server whose database connections go through a relay the test can cut and restore. */
async function serverBehindRelay(env: Record<string, string>) {
  const relay = await relayTo(new URL(pg!.url));
  const url = new URL(pg!.url);
  url.port = String(relay.port);
  const server = await spawnServer({ DATABASE_URL: url.toString(), HOOKSPEC_API_KEY: 'outage-test-key', LOG_LEVEL: 'info', ...env });
  return { relay, server };
}

describe.skipIf(!pg)('logs while the database is out of reach', () => {
  it('one error line per retried loop, not one per poll; the recovery is logged once', async () => {
    // The worker claims every 50 ms and the inbound dispatcher polls every 50 ms: 60 tries each in 3 s.
    const { relay, server } = await serverBehindRelay({ HOOKSPEC_POLL_INTERVAL_MS: '50', HOOKSPEC_INBOUND_POLL_MS: '50' });
    try {
      await relay.cut();
      await new Promise((r) => setTimeout(r, 3000));
      const during = messages(server.output());
      expect(during.filter((m) => m === 'claiming deliveries failed')).toHaveLength(1);
      expect(during.filter((m) => m === 'polling the inbound log failed')).toHaveLength(1);
      expect(during.filter((m) => /still failing/.test(m))).toHaveLength(0);
      await relay.restore();
      await server.waitForOutput(/"msg":"claiming deliveries works again after \d+ failure\(s\)"/);
      await server.waitForOutput(/"msg":"polling the inbound log works again after \d+ failure\(s\)"/);
    } finally {
      await server.stop('SIGKILL');
      await relay.cut();
    }
  });
  it('one error line for the deliveries and refusals it could not store, however many came; the recovery once', async () => {
    const { relay, server } = await serverBehindRelay({ GITHUB_WEBHOOK_SECRET: GITHUB_SECRET });
    try {
      await relay.cut();
      for (let i = 0; i < 12; i++) {
        expect((await github(server.url, `outage-${i}`)).status).toBe(503);
        expect((await github(server.url, `forged-${i}`, 'not-the-secret')).status).toBe(401);
      }
      // The refusal audit is written every 200 ms: 12 forged requests span several of its writes.
      await new Promise((r) => setTimeout(r, 1000));
      const during = messages(server.output());
      expect(during.filter((m) => m === 'storing inbound deliveries failed')).toHaveLength(1);
      expect(during.filter((m) => m === 'writing the inbound refusal audit failed')).toHaveLength(1);
      expect(during.filter((m) => /still failing/.test(m))).toHaveLength(0);
      // Every refused request still has its own request line.
      expect(during.filter((m) => m === 'request')).toHaveLength(24);
      await relay.restore();
      let status = 0;
      for (let i = 0; i < 100 && status !== 200; i++) {
        status = (await github(server.url, 'after-the-outage')).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
      // Refusals that could not be audited are gone; the next one is written, and ends the streak.
      expect((await github(server.url, 'forged-after', 'not-the-secret')).status).toBe(401);
      await server.waitForOutput(/"msg":"storing inbound deliveries works again after \d+ failure\(s\)"/);
      await server.waitForOutput(/"msg":"writing the inbound refusal audit works again after \d+ failure\(s\)"/);
    } finally {
      await server.stop('SIGKILL');
      await relay.cut();
    }
  });

  it('one error line for the delivery outcomes it could not record, not one per delivery', async () => {
    const DELIVERIES = 10;
    // A subscriber that holds its answers, so all of them are in flight when the database goes.
    const held: ServerResponse[] = [];
    const subscriber = createServer((req, res) => {
      req.resume();
      held.push(res);
    });
    await new Promise<void>((r) => subscriber.listen(0, '127.0.0.1', r));
    const { relay, server } = await serverBehindRelay({ HOOKSPEC_ALLOW_PRIVATE_NETWORKS: 'true' });
    const auth = { authorization: 'Bearer outage-test-key', 'content-type': 'application/json' };
    try {
      const target = `http://127.0.0.1:${(subscriber.address() as AddressInfo).port}/hook`;
      const created = await fetch(`${server.url}/v1/subscriptions`, { method: 'POST', headers: auth, body: JSON.stringify({ url: target, events: ['order.created'] }) });
      expect(created.status).toBe(201);
      const order = {
        order_id: 'ord_1', customer: { id: 'cus_1', email: 'ada@example.org' }, line_items: [{ sku: 'B-1', name: 'Book', quantity: 1, unit_price: 100 }],
        subtotal: 100, tax: 0, total: 100, currency: 'EUR', created_at: '2026-12-02T00:00:00Z',
      };
      for (let i = 0; i < DELIVERIES; i++) {
        const published = await fetch(`${server.url}/v1/events`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'order.created', data: { ...order, order_id: `ord_${i}` } }) });
        expect(published.status).toBe(202);
      }
      for (let i = 0; i < 100 && held.length < DELIVERIES; i++) await new Promise((r) => setTimeout(r, 50));
      expect(held.length).toBe(DELIVERIES);
      await relay.cut();
      // Answered together: the worker records the outcomes in one write, which the database cannot take.
      for (const res of held.splice(0)) res.end('ok');
      await server.waitForOutput(/"msg":"recording delivery outcomes failed"/);
      await new Promise((r) => setTimeout(r, 500));
      expect(messages(server.output()).filter((m) => /^recording a delivery outcome failed/.test(m))).toHaveLength(0);
    } finally {
      await server.stop('SIGKILL');
      await relay.cut();
      subscriber.closeAllConnections();
      subscriber.close();
    }
  });
});
