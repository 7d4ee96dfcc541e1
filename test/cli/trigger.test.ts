import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { startHookspec, type RunningHookspec } from '../../src/server/start.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { runCli } from './run-cli.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const PROVIDER_SECRETS = { GITHUB_WEBHOOK_SECRET: 'gh-secret-for-trigger', STRIPE_WEBHOOK_SECRET: 'whsec_stripe_trigger', SLACK_SIGNING_SECRET: 'slack-signing-trigger', HOOKSPEC_RECEIVER_SECRET: SECRET };
const API_KEY = 'trigger-test-key';

describe('hookspec trigger', () => {
  let subscriber: Server;
  let subscriberUrl: string;
  let status = 204;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let tmp: ReturnType<typeof makeTempDir>;
  let running: RunningHookspec;

  beforeAll(async () => {
    subscriber = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 204 ? undefined : 'subscriber says no');
      });
    });
    await new Promise<void>((r) => subscriber.listen(0, '127.0.0.1', () => r()));
    subscriberUrl = `http://127.0.0.1:${(subscriber.address() as AddressInfo).port}/hooks`;
    tmp = makeTempDir();
    running = await startHookspec(
      loadConfig({ DATABASE_URL: sqliteUrl(tmp.dir), PORT: '0', HOST: '127.0.0.1', HOOKSPEC_API_KEY: API_KEY, HOOKSPEC_PRUNE_INTERVAL_MS: '0', ...PROVIDER_SECRETS }),
    );
  });

  afterAll(async () => {
    await running?.close();
    await new Promise<void>((r) => subscriber.close(() => r()));
    tmp.cleanup();
  });

  it('sends the catalog example, signed so the standardwebhooks library verifies it', async () => {
    status = 204;
    const before = received.length;
    const { code, stdout, stderr } = await runCli(['trigger', 'order.created', '--to', subscriberUrl, '--secret', SECRET]);
    expect(code, stderr).toBe(0);
    expect(stdout).toBe('HTTP 204 No Content\n');
    const got = received[before]!;
    const event = new Webhook(SECRET).verify(got.body, got.headers as Record<string, string>) as { type: string; timestamp: string; data: { order_id: string } };
    expect(event.type).toBe('order.created');
    expect(event.data.order_id).toBe('ord_1042');
    expect(Math.abs(Date.parse(event.timestamp) - Date.now())).toBeLessThan(60_000);
    // A different secret must not verify: the signature is really bound to the key.
    expect(() => new Webhook('whsec_' + Buffer.alloc(24, 7).toString('base64')).verify(got.body, got.headers as Record<string, string>)).toThrow();
  });

  it('prints the status and body of a failing endpoint and exits 1 with one line', async () => {
    status = 500;
    const { code, stdout, stderr } = await runCli(['trigger', 'ping', '--to', subscriberUrl, '--secret', SECRET]);
    expect(code).toBe(1);
    expect(stdout).toBe('HTTP 500 Internal Server Error\nsubscriber says no\n');
    expect(stderr).toBe(`hookspec: ${subscriberUrl} answered HTTP 500\n`);
  });

  it('an unknown event type is one line listing the valid types', async () => {
    const { code, stdout, stderr } = await runCli(['trigger', 'order.shipped', '--to', subscriberUrl]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^hookspec: unknown event type "order.shipped"; valid types: delivery.exhausted, .*order.created, ping, .*subscription.disabled\n$/);
  });

  it('an unreachable endpoint is one clear line', async () => {
    const { code, stderr } = await runCli(['trigger', 'ping', '--to', 'http://127.0.0.1:9/nowhere', '--secret', SECRET]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^hookspec: could not reach http:\/\/127\.0\.0\.1:9\/nowhere: .+\n$/);
  });

  it.each([
    ['github', 'github.push', 'push'],
    ['github', 'github.pull_request', 'pull_request'],
    ['stripe', 'stripe.charge.succeeded', 'charge.succeeded'],
    ['slack', 'slack.message', 'message'],
    ['slack', 'slack.command', 'command'],
    ['slack', 'slack.interaction', 'interaction'],
  ])('--provider %s signs %s so our receiver accepts it', async (provider, type, eventType) => {
    const { code, stdout, stderr } = await runCli(['trigger', type, '--provider', provider, '--to', running.url], PROVIDER_SECRETS);
    expect(code, stdout + stderr).toBe(0);
    expect(stdout).toMatch(/^HTTP 20\d /);
    // The inbound log has it, verified, under the provider's event name (the newest entry of that provider).
    const res = await fetch(`${running.url}/v1/inbound?provider=${provider}&limit=1`, { headers: { authorization: `Bearer ${API_KEY}` } });
    const entry = ((await res.json()) as { data: { provider: string; event_type: string; signature_valid: boolean }[] }).data[0]!;
    expect(entry.signature_valid).toBe(true);
    expect(entry.event_type === eventType || entry.event_type.startsWith(`${eventType}.`), entry.event_type).toBe(true);
  });

  it('a Standard Webhooks event at our own receiver is accepted', async () => {
    const { code, stdout, stderr } = await runCli(['trigger', 'order.created', '--to', `${running.url}/webhooks/receiver`, '--secret', SECRET]);
    expect(code, stdout + stderr).toBe(0);
    expect(stdout).toMatch(/^HTTP 20\d /);
  });

  it('--provider with a wrong secret is refused by the receiver (exit 1)', async () => {
    const { code, stdout, stderr } = await runCli(['trigger', '--provider', 'github', '--to', running.url, '--secret', 'not-the-secret']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^HTTP 401 /);
    expect(stderr).toMatch(/answered HTTP 401\n$/);
  });

  it('--provider without a secret says where to put one', async () => {
    const { code, stderr } = await runCli(['trigger', '--provider', 'stripe', '--to', running.url], { STRIPE_WEBHOOK_SECRET: '' });
    expect(code).toBe(1);
    expect(stderr).toBe('hookspec: no stripe secret: pass --secret or set STRIPE_WEBHOOK_SECRET\n');
  });
});
