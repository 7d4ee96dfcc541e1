import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign as octokitSign } from '@octokit/webhooks-methods';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { loadConfig } from '../../../src/config/index.js';
import { createInbound, type Inbound } from '../../../src/inbound/inbound.js';
import type { EventPublisher, PublishOptions, PublishedEvent } from '../../../src/outbound/publisher.js';
import { createHttpServer } from '../../../src/server/http.js';
import { openStore } from '../../../src/store/open.js';
import type { Store } from '../../../src/store/store.js';
import { makeTempDir, sqliteUrl } from '../../support/temp-dir.js';

export const SECRETS = {
  github: 'gh-secret-for-tests',
  stripe: 'whsec_stripe_secret_for_tests',
  slack: 'slack-signing-secret-for-tests',
  standard: 'whsec_' + Buffer.from('standard webhooks test secret!').toString('base64'),
};

export const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../fixtures/payloads/${name}`, import.meta.url));

/**
 * A real implementation of the outbound `EventPublisher` that keeps what it was given in memory, idempotent on
 * the key like the real one, so tests can see what dispatch handed over.
 */
export class RecordingPublisher implements EventPublisher {
  readonly events: { type: string; data: unknown; idempotencyKey?: string; keyOnly?: boolean }[] = [];
  private readonly byKey = new Map<string, PublishedEvent>();
  failNext = 0;

  async publish(type: string, data: unknown, options: PublishOptions = {}): Promise<PublishedEvent> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('publisher unavailable (test)');
    }
    const known = options.idempotencyKey ? this.byKey.get(options.idempotencyKey) : undefined;
    if (known) return known;
    const event = { id: `evt_${this.events.length + 1}`, type, created_at: new Date().toISOString() };
    this.events.push({ type, data, idempotencyKey: options.idempotencyKey, keyOnly: options.keyOnly });
    if (options.idempotencyKey) this.byKey.set(options.idempotencyKey, event);
    return event;
  }
}

export interface Harness {
  url: string;
  /** Temp dir holding the database; also the handlers directory (`<webhook-name>.mjs`). */
  dir: string;
  store: Store;
  inbound: Inbound;
  publisher: RecordingPublisher;
  server: Server;
  /** Waits until the dispatcher has nothing queued or running. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** The real receiver fast path on a real node:http server (port 0, loopback) over a real SQLite file. */
export async function startHarness(env: Record<string, string> = {}, options: { now?: () => number; databaseUrl?: string } = {}): Promise<Harness> {
  const tmp = makeTempDir('hookspec-inbound-');
  const config = loadConfig({
    GITHUB_WEBHOOK_SECRET: SECRETS.github,
    STRIPE_WEBHOOK_SECRET: SECRETS.stripe,
    SLACK_SIGNING_SECRET: SECRETS.slack,
    HOOKSPEC_RECEIVER_SECRET: SECRETS.standard,
    HOOKSPEC_INBOUND_POLL_MS: '50',
    HOOKSPEC_INBOUND_RETRY_BASE_MS: '20',
    HOOKSPEC_HANDLERS_DIR: tmp.dir,
    ...env,
    DATABASE_URL: options.databaseUrl ?? sqliteUrl(tmp.dir),
  });
  const store = await openStore(config.server.databaseUrl);
  const publisher = new RecordingPublisher();
  const inbound = createInbound({ config: config.inbound, store: store.inbound, publisher, now: options.now });
  const server = createHttpServer([inbound.fastPath], (_req, res) => {
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  inbound.start();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dir: tmp.dir,
    store,
    inbound,
    publisher,
    server,
    async settle() {
      for (let i = 0; i < 400; i++) {
        await inbound.audit.flush();
        if (inbound.dispatcher.idle()) return;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('dispatcher did not settle');
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await inbound.stop();
      await store.close();
      tmp.cleanup();
    },
  };
}

export const nowSec = () => Math.floor(Date.now() / 1000);

/** Signed requests as each provider sends them, made with the providers' own libraries where they exist. */
export const signed = {
  async github(body: Buffer | string, event = 'push', delivery: string = crypto.randomUUID(), secret = SECRETS.github) {
    const text = body.toString();
    return {
      path: '/webhooks/github',
      body: text,
      headers: {
        'content-type': 'application/json',
        'x-github-event': event,
        'x-github-delivery': delivery,
        // @octokit/webhooks-methods refuses to sign an empty payload; GitHub's algorithm is the same HMAC.
        'x-hub-signature-256': text ? await octokitSign(secret, text) : 'sha256=' + createHmac('sha256', secret).update('').digest('hex'),
      },
    };
  },
  stripe(body: Buffer | string, timestamp = nowSec(), secret = SECRETS.stripe) {
    const text = body.toString();
    const header = new Stripe('sk_test_x').webhooks.generateTestHeaderString({ payload: text, secret, timestamp });
    return { path: '/webhooks/stripe', body: text, headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header } };
  },
  slack(path: string, body: Buffer | string, contentType: string, timestamp = nowSec(), secret = SECRETS.slack, extra: Record<string, string> = {}) {
    const text = body.toString();
    const signature = 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${text}`).digest('hex');
    return {
      path,
      body: text,
      headers: { 'content-type': contentType, 'x-slack-signature': signature, 'x-slack-request-timestamp': String(timestamp), ...extra },
    };
  },
  standard(envelope: unknown, id: string = 'msg_' + crypto.randomUUID(), timestamp = nowSec(), secret = SECRETS.standard) {
    const text = typeof envelope === 'string' ? envelope : JSON.stringify(envelope);
    const signature = new Webhook(secret).sign(id, new Date(timestamp * 1000), text);
    return {
      path: '/webhooks/receiver',
      body: text,
      headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature },
    };
  },
};

export interface SignedRequest {
  path: string;
  body: string | Buffer;
  headers: Record<string, string>;
}

/** POSTs and returns status, headers and parsed JSON body. */
export async function post(url: string, req: SignedRequest) {
  const res = await fetch(url + req.path, { method: 'POST', headers: req.headers, body: req.body });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, body: json };
}
