import { availableParallelism } from 'node:os';
import { LOG_LEVELS, logLevelOf } from '../observability/logger.js';

/** Settings of the HTTP server and storage, read once from the environment. */
export interface ServerConfig {
  /** TCP port. @default 3000 */
  port: number;
  /** Listen address. @default '0.0.0.0' */
  host: string;
  /** `sqlite:<file>` or `postgres://…`. @default 'sqlite:data/hookspec.db' */
  databaseUrl: string;
  /** Bearer key for `/v1`. No default outside development: an unset key refuses every `/v1` call. */
  apiKey: string | undefined;
  /** Role of this process. @default 'all' */
  role: 'api' | 'worker' | 'all';
  /**
   * HTTP processes sharing the port (node:cluster); `HOOKSPEC_HTTP_PROCESSES=auto` is one per core
   * (`os.availableParallelism()`). 1 runs no cluster at all. @default 1
   */
  httpProcesses: number;
  /**
   * Time a client gets to send one whole request, headers and body (`HOOKSPEC_REQUEST_TIMEOUT_MS`); past it the
   * request gets 408 and the connection is closed, so a stalled upload cannot hold its buffer. @default 30000
   */
  requestTimeoutMs: number;
  /**
   * Request body bytes the receivers may hold in memory at once, over all requests in flight
   * (`HOOKSPEC_INBOUND_MAX_BUFFERED_BYTES`); a body that would pass it gets 503 with Retry-After.
   * At least `HOOKSPEC_INBOUND_MAX_BODY_BYTES`. @default 67108864 (64 MiB: twelve 5 MiB bodies, hundreds of usual ones)
   */
  inboundMaxBufferedBytes: number;
  /**
   * Write raw inbound bodies with O_DIRECT where the filesystem allows it (`HOOKSPEC_BODY_LOG_DIRECT_IO`, SQLite
   * only), instead of through the page cache: for a host where every new page-cache page is costly (bench/RESULTS.md).
   * Each direct write waits for the device, which under load costs more than it saves on most disks. @default false
   */
  bodyLogDirectIo: boolean;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_DATABASE_URL = 'sqlite:data/hookspec.db';
/** Longer than providers wait for an answer (GitHub gives up after 10 s), far below node's default of 300 s. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Bounds the memory of bodies in flight; generous against the 5 MiB body limit, small beside a 512 MB container. */
export const DEFAULT_INBOUND_MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  // Empty is unset here as in every other variable: `HOOKSPEC_ROLE=` in an .env file means "the default".
  const role = env.HOOKSPEC_ROLE || 'all';
  if (role !== 'api' && role !== 'worker' && role !== 'all') {
    throw new Error(`HOOKSPEC_ROLE must be api, worker or all (got "${role}")`);
  }
  const logLevel = env.LOG_LEVEL;
  if (logLevel && !logLevelOf(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  return {
    port: readPort(env, 'PORT', DEFAULT_PORT),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    apiKey: readApiKey(env),
    role,
    httpProcesses: readProcessCount(env, 'HOOKSPEC_HTTP_PROCESSES'),
    requestTimeoutMs: readMs(env, 'HOOKSPEC_REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS, { min: 1 }),
    inboundMaxBufferedBytes: readPositiveInt(env, 'HOOKSPEC_INBOUND_MAX_BUFFERED_BYTES', DEFAULT_INBOUND_MAX_BUFFERED_BYTES),
    bodyLogDirectIo: readBool(env, 'HOOKSPEC_BODY_LOG_DIRECT_IO', false),
  };
}

/**
 * `HOOKSPEC_API_KEY`: unset or empty is the documented "no key" (every `/v1` call refused, with a warning). A key of
 * blanks, or one with blanks around it, can never match the trimmed bearer token, so it would refuse every call unwarned.
 */
function readApiKey(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.HOOKSPEC_API_KEY;
  if (raw === undefined || raw === '') return undefined;
  if (raw.trim() === '') throw new Error('HOOKSPEC_API_KEY is blank: set a key, or leave it unset (every /v1 call is then refused)');
  if (raw.trim() !== raw) throw new Error('HOOKSPEC_API_KEY must not begin or end with blanks: no bearer token could match it');
  return raw;
}

/** The buffer must hold at least one body of the largest accepted size, or such a body would get 503 forever. */
export function checkBufferedBytes(server: Pick<ServerConfig, 'inboundMaxBufferedBytes'>, maxBodyBytes: number): void {
  if (server.inboundMaxBufferedBytes >= maxBodyBytes) return;
  throw new Error(`HOOKSPEC_INBOUND_MAX_BUFFERED_BYTES (${server.inboundMaxBufferedBytes}) must be at least HOOKSPEC_INBOUND_MAX_BODY_BYTES (${maxBodyBytes})`);
}

/** `raw` as a positive integer written in plain digits, or undefined. */
function positiveInt(raw: string): number | undefined {
  const value = Number(raw);
  return /^\d+$/.test(raw) && Number.isSafeInteger(value) && value >= 1 ? value : undefined;
}

/** A positive integer in plain digits; 0 would mean "no limit" to node, which these variables exist to prevent. */
export function readPositiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = positiveInt(raw);
  if (value === undefined) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return value;
}

/**
 * Most HTTP processes a number may ask for: each is a whole Node.js process (tens of MB before any request) sharing
 * one database, and past a few dozen they only queue for its write lock. It stops a typo (an extra digit or three)
 * from forking thousands. `auto` is not bounded by it: it is the host's own core count.
 */
export const MAX_HTTP_PROCESSES = 64;

/** A positive integer up to MAX_HTTP_PROCESSES, or `auto` for one per core the process may use. */
export function readProcessCount(env: NodeJS.ProcessEnv, name: string): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return 1;
  if (raw.toLowerCase() === 'auto') return availableParallelism();
  const value = positiveInt(raw);
  if (value === undefined) throw new Error(`${name} must be a positive integer or auto (got "${raw}")`);
  if (value > MAX_HTTP_PROCESSES) throw new Error(`${name} must be at most ${MAX_HTTP_PROCESSES}, or auto for one per core (got "${raw}")`);
  return value;
}

/**
 * Longest delay node's timers keep (a signed 32-bit ms count, about 24.8 days): a longer one fires after 1 ms with
 * a TimeoutOverflowWarning, so a deadline set far in the future would expire at once.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/** The one-line refusal of a millisecond setting past `max` (MAX_TIMER_MS unless a margin is added to it). */
export function msTooLong(name: string, raw: string, max = MAX_TIMER_MS): Error {
  return new Error(`${name} must be at most ${max} ms (about 24.8 days, the longest timer node keeps) (got "${raw}")`);
}

/**
 * A duration in ms that ends up in a timer (every `_MS` setting but the three that only date rows): plain digits,
 * at least `min` (0 unless given) and at most `max` (MAX_TIMER_MS unless given).
 */
export function readMs(env: NodeJS.ProcessEnv, name: string, fallback: number, { min = 0, max = MAX_TIMER_MS }: { min?: number; max?: number } = {}): number {
  const ms = min === 1 ? readPositiveInt(env, name, fallback) : readInt(env, name, fallback);
  if (ms < min) throw new Error(`${name} must be at least ${min} ms (got "${env[name]}")`);
  if (ms > max) throw msTooLong(name, env[name]!, max);
  return ms;
}

/** A TCP port; node's own error for one out of range would not name the variable. */
function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const port = readInt(env, name, fallback);
  if (port > 65535) throw new Error(`${name} must be an integer from 0 to 65535 (got "${env[name]}")`);
  return port;
}

/** Parses a non-negative integer variable, naming the variable in the error so a typo is obvious. */
export function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  // Digits only: Number() also reads "1e3", "0x10", "1.0" and " 7", which nobody writes meaning a count.
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) throw new Error(`${name} must be a non-negative integer (got "${raw}")`);
  return value;
}

/** Parses a boolean variable: true/1/yes or false/0/no. */
export function readBool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be true or false (got "${env[name]}")`);
}

/** Splits a comma-separated list (trusted proxies, policies), dropping blanks; receiver secrets refuse blanks instead. */
export function readList(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
