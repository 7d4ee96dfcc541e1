import { readFileSync } from 'node:fs';
import type { EventData, EventEnvelope, EventType } from '../../generated/aliases.js';
import { createClient, type ApiClient } from '../../generated/client.js';
import { createSender, type Sender } from '../../generated/webhooks.js';
import { loadConfig } from '../../src/config/index.js';
import { startHookspec, type RunningHookspec } from '../../src/server/start.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';

export const API_KEY = 'test-key';

const catalog = JSON.parse(readFileSync(new URL('../../generated/catalog.json', import.meta.url), 'utf8')) as { name: string; example?: unknown }[];

export interface TestServer {
  running: RunningHookspec;
  url: string;
  client: ApiClient;
  sender: Sender;
  /** A raw call with the API key, for cases the typed client cannot express (bad bodies, wrong types). */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; type: string | null; json: any }>;
  close(): Promise<void>;
}

/** The whole server in-process on port 0, a fresh SQLite file, loopback subscribers allowed, compressed schedule. */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const tmp = makeTempDir();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: sqliteUrl(tmp.dir),
    HOOKSPEC_API_KEY: API_KEY,
    HOOKSPEC_ALLOW_PRIVATE_NETWORKS: 'true',
    HOOKSPEC_RETRY_SCHEDULE_MS: '0,30,60',
    HOOKSPEC_RETRY_JITTER_PERCENT: '0',
    HOOKSPEC_POLL_INTERVAL_MS: '20',
    HOOKSPEC_DELIVERY_TIMEOUT_MS: '1000',
    ...env,
  });
  const running = await startHookspec(config);
  const url = running.url;
  return {
    running,
    url,
    client: createClient({ baseUrl: url, apiKey: API_KEY }),
    sender: createSender({ baseUrl: url, apiKey: API_KEY }),
    async call(method, path, body, headers = {}) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${API_KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, type: res.headers.get('content-type'), json: text ? JSON.parse(text) : undefined };
    },
    async close() {
      await running.close();
      tmp.cleanup();
    },
  };
}

/**
 * The `data` of the catalog's own `order.created` example. `make lint` refuses an example its schema does not accept,
 * so when the spec changes (a new required field) the example changes with it, and so does every test built on this.
 */
export const validOrder: EventData<'order.created'> = catalogExample('order.created').data;

/** The example payload the spec gives for an event type (`generated/catalog.json`). */
export function catalogExample<T extends EventType>(type: T): EventEnvelope<T> {
  const entry = catalog.find((e) => e.name === type);
  if (!entry?.example) throw new Error(`the catalog has no example for ${type}`);
  return entry.example as EventEnvelope<T>;
}
