import { setMaxListeners } from 'node:events';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { assertDeliverableUrl, assertPublicAddress, guardedLookup, SsrfError } from './ssrf.js';

/** Bytes of the subscriber's response body kept in the attempt log. */
export const RESPONSE_BODY_LIMIT = 4096;
/** Bytes read (and dropped) past the kept part so the connection can be reused; longer bodies close it. */
const RESPONSE_DRAIN_LIMIT = 64 * 1024;

/** What one HTTP attempt produced; never thrown, so the worker records every failure the same way. */
export interface HttpAttempt {
  status: number | null;
  /** First 4 KB of the response body (UTF-8). */
  body: string | null;
  retryAfter: string | undefined;
  location: string | undefined;
  /** Why no response arrived (or the response was cut short). */
  error: string | null;
  errorKind: 'timeout' | 'network_error' | 'refused_address' | null;
  latencyMs: number;
}

export interface DeliveryHttpOptions {
  allowPrivateNetworks: boolean;
  connectionsPerOrigin: number;
  timeoutMs: number;
}

/** Attempts starting within one slot of this many ms share one abort signal (and one timer). */
const DEADLINE_SLOT_MS = 10;
/** URLs whose shape and literal-address verdict are remembered; the cache is dropped when it grows past this. */
const MAX_CHECKED_URLS = 10_000;

/**
 * Per-attempt timeouts without a timer per attempt: attempts that start in the same 10 ms slot share an abort
 * signal that fires `timeoutMs` after the slot ends, so each attempt gets its full timeout and at most 10 ms more.
 * The timer is cleared once every attempt of a past slot has finished.
 */
class DeadlineSignals {
  private slot: { controller: AbortController; timer: NodeJS.Timeout; users: number; endsAt: number } | undefined;

  constructor(private readonly timeoutMs: number) {}

  acquire(now: number): { signal: AbortSignal; release: () => void } {
    let slot = this.slot;
    // A slot whose signal has fired is over whatever the clock says: only a monotonic clock keeps `now` from going back.
    if (!slot || now >= slot.endsAt || slot.controller.signal.aborted) {
      if (slot && slot.users === 0) clearTimeout(slot.timer);
      const controller = new AbortController();
      // Every attempt of the slot listens on this one signal.
      setMaxListeners(0, controller.signal);
      const endsAt = now + DEADLINE_SLOT_MS;
      const timer = setTimeout(() => controller.abort(new Error('attempt timed out')), this.timeoutMs + DEADLINE_SLOT_MS);
      timer.unref();
      slot = this.slot = { controller, timer, users: 0, endsAt };
    }
    const current = slot;
    current.users++;
    return {
      signal: current.controller.signal,
      release: () => {
        if (--current.users === 0 && current !== this.slot) clearTimeout(current.timer);
      },
    };
  }
}

/**
 * Posts signed deliveries over pooled keep-alive connections. Every new connection resolves the host through
 * the SSRF guard and dials the address it checked; literal IP hosts (which skip DNS) are checked here first.
 * Redirects are never followed.
 */
export class DeliveryHttpClient {
  private readonly agent: Agent;
  private readonly deadlines: DeadlineSignals;
  /** URL → why it is refused (or null): the URL shape and a literal IP's range never change. */
  private readonly checkedUrls = new Map<string, string | null>();

  constructor(private readonly options: DeliveryHttpOptions) {
    this.agent = new Agent({
      connections: options.connectionsPerOrigin,
      keepAliveTimeout: 30_000,
      pipelining: 1,
      connect: { lookup: guardedLookup(options.allowPrivateNetworks) as never, timeout: options.timeoutMs },
    });
    this.deadlines = new DeadlineSignals(options.timeoutMs);
  }

  async post(url: string, headers: Readonly<Record<string, string>>, body: string): Promise<HttpAttempt> {
    const started = performance.now();
    const refused = this.refusal(url);
    if (refused !== null) return failure(refused, 'refused_address', started);
    const { signal, release } = this.deadlines.acquire(performance.now());
    try {
      const res = await request(url, {
        method: 'POST',
        dispatcher: this.agent,
        headers: { 'content-type': 'application/json', 'user-agent': 'hookspec-webhooks/0.1', ...headers },
        body,
        signal,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      const kept = await readPrefix(res.body);
      return {
        status: res.statusCode,
        body: kept,
        retryAfter: headerValue(res.headers['retry-after']),
        location: headerValue(res.headers.location),
        error: null,
        errorKind: null,
        latencyMs: Math.round(performance.now() - started),
      };
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (signal.aborted || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
        return failure(`timed out after ${this.options.timeoutMs} ms`, 'timeout', started);
      }
      const ssrf = findSsrf(err);
      return ssrf ? failure(ssrf.message, 'refused_address', started) : failure(describe(err), 'network_error', started);
    } finally {
      release();
    }
  }

  /**
   * Closes the connection pool once its requests are done; once `deadline` aborts, at once: the attempts still in
   * flight were handed back for another try, and waiting for their subscribers would only hold up the shutdown.
   */
  async close(deadline?: AbortSignal): Promise<void> {
    if (deadline?.aborted) return this.agent.destroy();
    const cut = () => void this.agent.destroy().catch(() => undefined);
    deadline?.addEventListener('abort', cut, { once: true });
    try {
      await this.agent.close();
    } finally {
      deadline?.removeEventListener('abort', cut);
    }
  }

  /** Why this URL may not be posted to before any connection is made (shape, literal IP range), or null. */
  private refusal(url: string): string | null {
    let verdict = this.checkedUrls.get(url);
    if (verdict !== undefined) return verdict;
    try {
      const target = assertDeliverableUrl(url);
      const host = target.hostname.replace(/^\[|\]$/g, '');
      if (!this.options.allowPrivateNetworks && isIP(host)) assertPublicAddress(host);
      verdict = null;
    } catch (err) {
      verdict = describe(err);
    }
    if (this.checkedUrls.size >= MAX_CHECKED_URLS) this.checkedUrls.clear();
    this.checkedUrls.set(url, verdict);
    return verdict;
  }
}

function failure(error: string, errorKind: 'timeout' | 'network_error' | 'refused_address', started: number): HttpAttempt {
  return { status: null, body: null, retryAfter: undefined, location: undefined, error, errorKind, latencyMs: Math.round(performance.now() - started) };
}

/** A response body as text every store can hold: NUL, which PostgreSQL's text type refuses, becomes U+FFFD. */
export function storableText(bytes: Buffer): string {
  let text = bytes.toString('utf8');
  if (text.includes('\0')) text = text.replaceAll('\0', '\uFFFD');
  // Invalid bytes decode to U+FFFD (3 bytes each): cut back to the limit in bytes, at a whole character.
  for (let over = Buffer.byteLength(text) - RESPONSE_BODY_LIMIT; over > 0; over = Buffer.byteLength(text) - RESPONSE_BODY_LIMIT) {
    text = text.slice(0, -Math.max(1, Math.floor(over / 3)));
  }
  if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  return text;
}

/** Keeps the first 4 KB, drains up to 64 KB so the connection stays reusable, then gives up on the rest. */
function readPrefix(body: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let seen = 0;
    const finish = () => resolve(storableText(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    body.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (kept < RESPONSE_BODY_LIMIT) {
        const part = kept + chunk.length <= RESPONSE_BODY_LIMIT ? chunk : chunk.subarray(0, RESPONSE_BODY_LIMIT - kept);
        chunks.push(part);
        kept += part.length;
      }
      if (seen > RESPONSE_DRAIN_LIMIT) {
        body.removeAllListeners('data');
        body.on('error', () => {});
        body.destroy();
        finish();
      }
    });
    body.once('end', finish);
    body.once('error', reject);
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function findSsrf(err: unknown): SsrfError | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof SsrfError) return e;
  }
  return undefined;
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.cause?.code ?? e.code;
  const message = e.cause?.message ?? e.message ?? String(err);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
