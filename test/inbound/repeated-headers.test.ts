import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstResponse } from '../server/support/raw-socket.js';
import { fixture, signed, startHarness, type Harness, type SignedRequest } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ HOOKSPEC_INBOUND_FLOOD_THRESHOLD: '10000' });
});
afterAll(async () => {
  await h.close();
});

/** Sends `req` as written on the wire, with `repeat` headers added as extra lines (fetch would join them into one). */
function send(req: SignedRequest, repeat: [string, string][] = []) {
  const body = Buffer.from(req.body);
  const lines = [`POST ${req.path} HTTP/1.1`, 'host: 127.0.0.1', 'connection: close', `content-length: ${body.length}`];
  for (const [name, value] of [...Object.entries(req.headers), ...repeat]) lines.push(`${name}: ${value}`);
  const { port } = new URL(h.url);
  return new Promise<ReturnType<typeof firstResponse>>((resolve, reject) => {
    let text = '';
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n'), body])));
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    // `connection: close`: the server closes once it has answered (a half-close from here could drop the answer).
    socket.on('close', () => resolve(firstResponse(text)));
    socket.on('error', reject);
  });
}

const push = fixture('github-push.json');
const charge = fixture('stripe-charge.succeeded.json');
const slackEvent = () => signed.slack('/webhooks/slack/events', fixture('slack-event-message.json'), 'application/json');
const again = (req: SignedRequest, ...names: string[]): [string, string][] => names.map((name) => [name.toUpperCase(), req.headers[name]!]);

// [name, request, repeated header lines, names the 400 must give]
const table: [string, () => Promise<SignedRequest>, (req: SignedRequest) => [string, string][], string[]][] = [
  ['GitHub: X-GitHub-Delivery twice, same value (would be the key "d3, d3")', () => signed.github(push, 'push', 'rep-d3'), (r) => again(r, 'x-github-delivery'), ['x-github-delivery']],
  ['GitHub: X-GitHub-Event twice (would be stored as "push, push" and never dispatched)', () => signed.github(push), (r) => again(r, 'x-github-event'), ['x-github-event']],
  ['GitHub: two valid X-Hub-Signature-256 (not a misleading 401)', () => signed.github(push), (r) => again(r, 'x-hub-signature-256'), ['x-hub-signature-256']],
  ['GitHub: a repeat with an empty value', () => signed.github(push), () => [['X-GitHub-Delivery', '']], ['x-github-delivery']],
  ['Stripe: Stripe-Signature twice', async () => signed.stripe(charge), (r) => again(r, 'stripe-signature'), ['stripe-signature']],
  ['Slack: signature and timestamp twice (both named)', async () => slackEvent(), (r) => again(r, 'x-slack-signature', 'x-slack-request-timestamp'), ['x-slack-signature', 'x-slack-request-timestamp']],
  ['Standard Webhooks: webhook-id twice', async () => signed.standard({ type: 'ping' }), (r) => again(r, 'webhook-id'), ['webhook-id']],
  ['Standard Webhooks: webhook-timestamp and webhook-signature twice', async () => signed.standard({ type: 'ping' }), (r) => again(r, 'webhook-timestamp', 'webhook-signature'), ['webhook-timestamp', 'webhook-signature']],
];

describe('a repeated signature or identity header is refused with 400 naming it, before any verification', () => {
  it.each(table)('%s', async (_name, build, repeat, names) => {
    const req = await build();
    const before = (await h.store.inbound.listDeliveries({ limit: 1000 })).length;
    const res = await send(req, repeat(req));
    expect(res.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(res.headers).toContain('content-type: application/problem+json');
    expect(res.body).toMatchObject({
      type: 'urn:hookspec:problem:repeated_signature_headers', status: 400, code: 'repeated_signature_headers',
      detail: `Header(s) sent more than once: ${names.join(', ')}; send each once.`, repeated: names, instance: req.path,
    });
    await h.settle();
    expect((await h.store.inbound.listDeliveries({ limit: 1000 })).length).toBe(before);
    const [audit] = await h.store.inbound.listRefusals({ limit: 1 });
    expect(audit).toMatchObject({ status: 400, reason: 'repeated_signature_headers', source: expect.stringMatching(/127\.0\.0\.1/) });
    for (const name of names) expect(audit!.headerNames).toContain(name);
  });

  it('after a refused repeat, the same delivery sent properly is processed once', async () => {
    const req = await signed.github(push, 'push', 'rep-once');
    expect((await send(req, again(req, 'x-github-delivery'))).statusLine).toBe('HTTP/1.1 400 Bad Request');
    const first = await send(req);
    expect(first.statusLine).toBe('HTTP/1.1 200 OK');
    expect(first.body).toMatchObject({ duplicate: false });
    expect((await send(req)).body).toMatchObject({ id: first.body.id, duplicate: true });
    await h.settle();
    expect(await h.store.inbound.getDelivery(first.body.id)).toMatchObject({ deliveryId: 'rep-once', eventType: 'push', status: 'processed' });
  });

  it('", " inside one header is not a repeat, and other headers may repeat', async () => {
    const stripe = signed.stripe(JSON.stringify({ ...JSON.parse(charge.toString()), id: 'evt_spaced_signature' }));
    // stripe-node trims the entries: a space after the comma is still one valid header.
    const spaced = { ...stripe, headers: { ...stripe.headers, 'stripe-signature': stripe.headers['stripe-signature']!.replace(',', ', ') } };
    const github = await signed.github(push, 'push', 'one, header');
    const cases: [SignedRequest, [string, string][]][] = [[spaced, []], [github, [['X-Custom', 'a'], ['x-custom', 'b'], ['User-Agent', 'again']]]];
    for (const [req, repeat] of cases) {
      const res = await send(req, repeat);
      expect(res.statusLine, JSON.stringify(res.body)).toBe('HTTP/1.1 200 OK');
      expect(res.body).toMatchObject({ ok: true, duplicate: false });
    }
    await h.settle();
  });
});
