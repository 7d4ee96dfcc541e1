import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { loadConfig } from '../../src/config/index.js';
import type { OutboundConfig } from '../../src/config/outbound.js';
import { createOutboundEngine, type OutboundEngine } from '../../src/outbound/engine.js';
import type { EventValidator } from '../../src/outbound/publish.js';
import { openStore } from '../../src/store/open.js';
import type { OutboundStore } from '../../src/store/outbound-store.js';
import type { Store } from '../../src/store/store.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

/** One request a test subscriber received, after standardwebhooks verified it. */
export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  payload: { type: string; timestamp: string; data: unknown };
  verified: boolean;
  at: number;
}

export interface Subscriber {
  url: string;
  received: Received[];
  /** Verifies with this secret (set after the subscription is created). */
  secrets: string[];
  close(): Promise<void>;
}

/** A real loopback subscriber; `respond` decides each answer, every request is verified with `standardwebhooks`. */
export async function startSubscriber(respond: (req: IncomingMessage, res: ServerResponse, n: number) => void = (_q, res) => res.end('ok')): Promise<Subscriber> {
  const received: Received[] = [];
  const sub: Subscriber = { url: '', received, secrets: [], close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = req.headers as Record<string, string>;
      const verified = sub.secrets.length > 0 && sub.secrets.every((secret) => {
        try {
          new Webhook(secret).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      received.push({
        id: headers['webhook-id']!,
        timestamp: headers['webhook-timestamp']!,
        signature: headers['webhook-signature']!,
        body,
        payload: JSON.parse(body),
        verified,
        at: Date.now(),
      });
      respond(req, res, received.length);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  sub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  sub.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return sub;
}

/** A validator that knows the catalog names but checks nothing: these tests are about delivery, not schemas. */
export const anyDataValidator: EventValidator = {
  types: ['order.created', 'ping', 'delivery.exhausted', 'subscription.disabled', 'github.push'],
  validate: () => ({ ok: true }),
};

export interface TestEngine {
  store: Store;
  engine: OutboundEngine;
  config: OutboundConfig;
  close(): Promise<void>;
}

/**
 * Store + outbox + worker on a fresh SQLite file (or DATABASE_URL), compressed schedule, loopback allowed.
 * `storeAround` puts a layer between the engine and the real store, for a test of how the worker meets its failures.
 */
export async function startEngine(env: Record<string, string> = {}, storeAround?: (store: OutboundStore) => OutboundStore): Promise<TestEngine> {
  const tmp = makeTempDir();
  const config = loadConfig({
    HOOKSPEC_ALLOW_PRIVATE_NETWORKS: 'true',
    HOOKSPEC_RETRY_SCHEDULE_MS: '0,30,60',
    HOOKSPEC_RETRY_JITTER_PERCENT: '0',
    HOOKSPEC_POLL_INTERVAL_MS: '20',
    HOOKSPEC_DELIVERY_TIMEOUT_MS: '1000',
    HOOKSPEC_RETRY_AFTER_MIN_MS: '0',
    DATABASE_URL: sqliteUrl(tmp.dir),
    ...env,
  });
  const store = await openStore(config.server.databaseUrl);
  const engine = createOutboundEngine({ store: storeAround ? storeAround(store.outbound) : store.outbound, config: config.outbound, validator: anyDataValidator });
  engine.start();
  return {
    store,
    engine,
    config: config.outbound,
    async close() {
      await engine.stop();
      await store.close();
      tmp.cleanup();
    },
  };
}

/** Polls until `check` passes or the time is up (then throws with the last failure). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

export async function subscribe(t: TestEngine, sub: Subscriber, events: string[] = ['*'], extra: { rate_limit_per_second?: number } = {}) {
  const { generateSecret } = await import('../../src/outbound/secrets.js');
  const { newId } = await import('../../src/ids.js');
  const secret = generateSecret();
  sub.secrets = [secret];
  return t.store.outbound.createSubscription({
    id: newId('sub'),
    url: sub.url,
    events,
    description: null,
    metadata: {},
    rate_limit_per_second: extra.rate_limit_per_second ?? null,
    secret,
    created_at: new Date(),
  });
}
