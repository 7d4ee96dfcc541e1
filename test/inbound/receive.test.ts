import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../src/observability/metrics.js';
import { fixture, post, signed, startHarness, type Harness } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function logged(id: string) {
  return h.store.inbound.getDelivery(id);
}

describe('signed deliveries are accepted end to end', () => {
  it('GitHub push: stored, acknowledged, processed and handed to the publisher as github.push', async () => {
    const req = await signed.github(fixture('github-push.json'), 'push', 'gh-delivery-1');
    const res = await post(h.url, req);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, id: expect.stringMatching(/^in_/), duplicate: false });
    await h.settle();
    const row = await logged(res.body.id);
    expect(row).toMatchObject({ provider: 'github', deliveryId: 'gh-delivery-1', eventType: 'push', catalogType: 'github.push', status: 'processed', attempts: 1, validationOk: true });
    expect(row!.body!.equals(fixture('github-push.json'))).toBe(true);
    expect(row!.headers['x-hub-signature-256']).toBe('[redacted]');
    const published = h.publisher.events.find((e) => e.idempotencyKey === `inbound:${res.body.id}`);
    expect(published).toMatchObject({ type: 'github.push', data: JSON.parse(fixture('github-push.json').toString()) });
  });

  it('a repeated delivery id answers 200 duplicate with the first id and is not processed again', async () => {
    const first = await post(h.url, await signed.github(fixture('github-issues.opened.json'), 'issues', 'gh-dup'));
    const again = await post(h.url, await signed.github(fixture('github-issues.opened.json'), 'issues', 'gh-dup'));
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ok: true, id: first.body.id, duplicate: true });
    await h.settle();
    expect(h.publisher.events.filter((e) => e.idempotencyKey === `inbound:${first.body.id}`)).toHaveLength(1);
    expect((await logged(first.body.id))!.attempts).toBe(1);
  });

  it('GitHub event + action is the logged event type; pull_request maps to github.pull_request', async () => {
    const res = await post(h.url, await signed.github(fixture('github-pull_request.opened.json'), 'pull_request'));
    expect(res.status).toBe(200);
    await h.settle();
    expect(await logged(res.body.id)).toMatchObject({ eventType: 'pull_request.opened', catalogType: 'github.pull_request', status: 'processed' });
  });

  it("GitHub push sent as a form (GitHub's default content type): verified on the form bytes, dispatched from its payload field", async () => {
    const form = new URLSearchParams({ payload: fixture('github-push.json').toString() }).toString();
    const req = await signed.github(form, 'push', 'gh-form-1');
    req.headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await post(h.url, req);
    expect(res.status).toBe(200);
    await h.settle();
    const row = await logged(res.body.id);
    expect(row).toMatchObject({ deliveryId: 'gh-form-1', eventType: 'push', catalogType: 'github.push', status: 'processed', validationOk: true });
    expect(row!.body!.toString()).toBe(form);
    const published = h.publisher.events.find((e) => e.idempotencyKey === `inbound:${res.body.id}`);
    expect(published).toMatchObject({ type: 'github.push', data: JSON.parse(fixture('github-push.json').toString()) });
  });

  it('a GitHub form without a JSON object in its payload field is 400 naming the field; a changed byte is 401', async () => {
    const send = async (form: string, tamper = false) => {
      const req = await signed.github(form, 'ping');
      req.headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
      return post(h.url, tamper ? { ...req, body: form + '&x=1' } : req);
    };
    expect((await send('zen=no-payload')).body).toMatchObject({ status: 400, detail: expect.stringContaining('A GitHub webhook form needs a "payload" field') });
    expect((await send('payload=%7Bnot-json')).body).toMatchObject({ status: 400, detail: expect.stringContaining('The "payload" field is not valid JSON') });
    expect((await send('payload=%5B1%5D')).body).toMatchObject({ status: 400, detail: expect.stringContaining('must be a JSON object') });
    expect((await send('payload=%7B%22zen%22%3A%22z%22%7D', true)).status).toBe(401);
  });

  it('GitHub ping is answered and logged, with nothing to dispatch', async () => {
    const before = h.publisher.events.length;
    const res = await post(h.url, await signed.github(JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 }), 'ping'));
    expect(res.status).toBe(200);
    await h.settle();
    expect(await logged(res.body.id)).toMatchObject({ eventType: 'ping', catalogType: null, status: 'processed', attempts: 0 });
    expect(h.publisher.events.length).toBe(before);
  });

  it('Stripe charge.succeeded (stripe-node signature) → stripe.charge.succeeded, deduplicated on the event id', async () => {
    const body = fixture('stripe-charge.succeeded.json');
    const res = await post(h.url, signed.stripe(body));
    expect(res.status).toBe(200);
    const again = await post(h.url, signed.stripe(body));
    expect(again.body).toMatchObject({ id: res.body.id, duplicate: true });
    await h.settle();
    const row = await logged(res.body.id);
    expect(row).toMatchObject({ provider: 'stripe', deliveryId: JSON.parse(body.toString()).id, eventType: 'charge.succeeded', catalogType: 'stripe.charge.succeeded', status: 'processed' });
  });

  it('Slack url_verification echoes the challenge and stores nothing', async () => {
    const body = fixture('slack-url-verification.json');
    const res = await post(h.url, signed.slack('/webhooks/slack/events', body, 'application/json'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ challenge: JSON.parse(body.toString()).challenge });
  });

  it("Slack's certificate check of a command URL (ssl_check=1) is answered 200 when signed; nothing is stored or run", async () => {
    const form = 'ssl_check=1&token=legacy-verification-token';
    const stored = (await h.store.inbound.listDeliveries({ limit: 1000 })).length;
    const published = h.publisher.events.length;
    const res = await post(h.url, signed.slack('/webhooks/slack/commands', form, 'application/x-www-form-urlencoded'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const unsigned = await fetch(h.url + '/webhooks/slack/commands', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(unsigned.status).toBe(400);
    await h.settle();
    expect((await h.store.inbound.listDeliveries({ limit: 1000 })).length).toBe(stored);
    expect(h.publisher.events.length).toBe(published);
  });

  it("Slack event_callback → slack.message; Slack's retry (X-Slack-Retry-Num) is 200 and not processed again", async () => {
    const body = fixture('slack-event-message.json');
    const res = await post(h.url, signed.slack('/webhooks/slack/events', body, 'application/json'));
    expect(res.status).toBe(200);
    const retry = await post(h.url, signed.slack('/webhooks/slack/events', body, 'application/json', undefined, undefined, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }));
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ id: res.body.id, duplicate: true });
    await h.settle();
    expect(await logged(res.body.id)).toMatchObject({ deliveryId: JSON.parse(body.toString()).event_id, eventType: 'message', catalogType: 'slack.message', status: 'processed', attempts: 1 });
    expect(h.publisher.events.filter((e) => e.type === 'slack.message')).toHaveLength(1);
  });

  it('Slack slash command: answered within 3 s with a message, stored and dispatched', async () => {
    const started = Date.now();
    const res = await post(h.url, signed.slack('/webhooks/slack/commands', fixture('slack-command.txt'), 'application/x-www-form-urlencoded'));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ response_type: 'ephemeral', text: expect.any(String) });
    await h.settle();
    const event = h.publisher.events.find((e) => e.type === 'slack.command');
    expect(event?.data).toMatchObject({ command: '/deploy', text: 'api staging' });
  });

  it('Slack interaction: the JSON in the payload field becomes slack.interaction, acknowledged with an empty 200', async () => {
    const res = await post(h.url, signed.slack('/webhooks/slack/interactive', fixture('slack-interactive.txt'), 'application/x-www-form-urlencoded'));
    expect(res.status).toBe(200);
    // Bolt's ack(): no body, which is also what closes a submitted modal.
    expect(res.body).toBe('');
    expect(res.headers.get('content-type')).toBeNull();
    await h.settle();
    const [stored] = await h.store.inbound.listDeliveries({ limit: 1, eventType: 'interaction' });
    expect(await logged(stored!.id)).toMatchObject({ eventType: 'interaction.block_actions', catalogType: 'slack.interaction', status: 'processed' });
    expect(h.publisher.events.find((e) => e.type === 'slack.interaction')?.data).toMatchObject({ type: 'block_actions' });
  });

  it('Standard Webhooks (standardwebhooks library): a valid catalog envelope is stored and handled, not republished', async () => {
    const envelope = JSON.parse(JSON.stringify((await import('../../generated/catalog.json', { with: { type: 'json' } })).default.find((e: { name: string }) => e.name === 'order.created')!.example));
    const before = h.publisher.events.length;
    const res = await post(h.url, signed.standard(envelope, 'msg_order_1'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await h.settle();
    expect(await logged(res.body.id)).toMatchObject({ provider: 'standard-webhooks', deliveryId: 'msg_order_1', eventType: 'order.created', status: 'processed' });
    expect(h.publisher.events.length).toBe(before);
  });
});

describe('validation policies', () => {
  it('strict (Standard Webhooks): an envelope that breaks its schema is 422 with the errors, and not stored', async () => {
    const res = await post(h.url, signed.standard({ type: 'order.created', timestamp: new Date().toISOString(), data: { order_id: 42 } }, 'msg_bad'));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status: 422, code: 'schema_validation_failed' });
    expect(res.body.errors.length).toBeGreaterThan(0);
    expect(res.body.errors[0]).toEqual({ pointer: expect.any(String), keyword: expect.any(String), message: expect.any(String) });
    expect(await h.store.inbound.listDeliveries({ limit: 500 })).not.toContainEqual(expect.objectContaining({ deliveryId: 'msg_bad' }));
  });

  it('strict: an event type outside the catalog is 422', async () => {
    const res = await post(h.url, signed.standard({ type: 'no.such.event', timestamp: new Date().toISOString(), data: {} }));
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ pointer: '/type' });
  });

  it('lenient (GitHub): a payload that drifted from the schema is accepted, stored with its errors, and counted', async () => {
    const payload = JSON.parse(fixture('github-push.json').toString());
    delete payload.repository;
    payload.a_field_github_added_last_week = true;
    const res = await post(h.url, await signed.github(JSON.stringify(payload), 'push'));
    expect(res.status).toBe(200);
    const row = await logged(res.body.id);
    expect(row!.validationOk).toBe(false);
    expect(row!.validationErrors.length).toBeGreaterThan(0);
    // Pointers into the body GitHub sent, as the spec's examples show them, not into the envelope made around it.
    expect(row!.validationErrors).toContainEqual(expect.objectContaining({ pointer: '/repository', keyword: 'required' }));
    expect(row!.validationErrors.filter((e) => e.pointer.startsWith('/data'))).toEqual([]);
    const metric = await registry.getSingleMetric('hookspec_inbound_schema_drift_total')!.get();
    expect(metric.values.find((v) => v.labels.event_type === 'github.push')?.value).toBeGreaterThanOrEqual(1);
  });
});
