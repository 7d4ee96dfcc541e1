import { isIP } from 'node:net';
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

/**
 * Posts signed deliveries over pooled keep-alive connections. Every new connection resolves the host through
 * the SSRF guard and dials the address it checked; literal IP hosts (which skip DNS) are checked here first.
 * Redirects are never followed.
 */
export class DeliveryHttpClient {
  private readonly agent: Agent;

  constructor(private readonly options: DeliveryHttpOptions) {
    this.agent = new Agent({
      connections: options.connectionsPerOrigin,
      keepAliveTimeout: 30_000,
      pipelining: 1,
      connect: { lookup: guardedLookup(options.allowPrivateNetworks) as never, timeout: options.timeoutMs },
    });
  }

  async post(url: string, headers: Record<string, string>, body: string): Promise<HttpAttempt> {
    const started = performance.now();
    const done = (partial: Omit<HttpAttempt, 'latencyMs'>): HttpAttempt => ({ ...partial, latencyMs: Math.round(performance.now() - started) });
    try {
      const target = assertDeliverableUrl(url);
      const host = target.hostname.replace(/^\[|\]$/g, '');
      if (!this.options.allowPrivateNetworks && isIP(host)) assertPublicAddress(host);
    } catch (err) {
      return done({ status: null, body: null, retryAfter: undefined, location: undefined, error: describe(err), errorKind: 'refused_address' });
    }
    const signal = AbortSignal.timeout(this.options.timeoutMs);
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
      return done({
        status: res.statusCode,
        body: kept,
        retryAfter: headerValue(res.headers['retry-after']),
        location: headerValue(res.headers.location),
        error: null,
        errorKind: null,
      });
    } catch (err) {
      const timedOut = signal.aborted || (err as { code?: string }).code === 'UND_ERR_HEADERS_TIMEOUT' || (err as { code?: string }).code === 'UND_ERR_BODY_TIMEOUT';
      if (timedOut) {
        return done({ status: null, body: null, retryAfter: undefined, location: undefined, error: `timed out after ${this.options.timeoutMs} ms`, errorKind: 'timeout' });
      }
      const refused = findSsrf(err);
      return done({
        status: null,
        body: null,
        retryAfter: undefined,
        location: undefined,
        error: refused ? refused.message : describe(err),
        errorKind: refused ? 'refused_address' : 'network_error',
      });
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

/** Keeps the first 4 KB, drains up to 64 KB so the connection stays reusable, then gives up on the rest. */
async function readPrefix(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let seen = 0;
  for await (const chunk of body) {
    seen += chunk.length;
    if (kept < RESPONSE_BODY_LIMIT) {
      const part = chunk.subarray(0, RESPONSE_BODY_LIMIT - kept);
      chunks.push(part);
      kept += part.length;
    }
    if (seen > RESPONSE_DRAIN_LIMIT) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
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
