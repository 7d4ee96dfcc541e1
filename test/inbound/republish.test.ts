import { sign } from '@octokit/webhooks-methods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../api/support.js';
import { eventually, startSubscriber, type Subscriber } from '../outbound/support.js';
import { fixture } from './support/harness.js';

const SECRET = 'republish-secret';
/** Beyond 2^53: JSON.parse rounds it to 9007199254740992, so only the text as received keeps it. */
const BIG_ID = '9007199254740993';

describe('a received event reaches subscribers as the provider sent it', () => {
  let s: TestServer;
  let subscriber: Subscriber;
  beforeAll(async () => {
    s = await startServer({ GITHUB_WEBHOOK_SECRET: SECRET, HOOKSPEC_INBOUND_POLL_MS: '50' });
    subscriber = await startSubscriber();
    const { data } = await s.client.POST('/v1/subscriptions', { body: { url: subscriber.url, events: ['github.push'] } });
    subscriber.secrets = [data!.secret];
  });
  afterAll(async () => {
    await s.close();
    await subscriber.close();
  });

  it('republishes the raw JSON text (numbers beyond 2^53 exact), once, also after a replay', async () => {
    const body = fixture('github-push.json').toString().replace('"id":186853002', `"id":${BIG_ID}`);
    expect(body).toContain(BIG_ID);
    const res = await fetch(`${s.url}/webhooks/github`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': 'republish-1',
        'x-hub-signature-256': await sign(SECRET, body),
      },
      body,
    });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };

    await eventually(() => expect(subscriber.received).toHaveLength(1));
    const [got] = subscriber.received;
    expect(got!.verified).toBe(true);
    expect(got!.payload.type).toBe('github.push');
    // The data member is the body's own text, byte for byte.
    expect(got!.body).toContain(`"data":${body}}`);

    // A replay runs the handlers again; the publish is idempotent per inbound delivery, so nothing new goes out.
    const replay = await s.call('POST', `/v1/inbound/${id}/replay`);
    expect(replay.status).toBe(202);
    expect(replay.json).toMatchObject({ status: 'received', attempts: 0 });
    await eventually(async () => {
      const one = await s.call('GET', `/v1/inbound/${id}`);
      expect(one.json).toMatchObject({ status: 'processed', attempts: 1, last_error: null });
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(subscriber.received).toHaveLength(1);
  });
});
