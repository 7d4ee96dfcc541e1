import { parseSecretsKeys } from '../crypto/secret-sealer.js';
import { MAX_TIMER_MS, msTooLong, readBool, readInt, readMs, readPositiveInt } from './server.js';

/** Settings of the outbound delivery engine, read once from the environment. */
export interface OutboundConfig {
  /** Delay before each attempt, in ms; its length is the number of attempts. @default [0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h] */
  retrySchedule: number[];
  /** Random spread applied to every scheduled delay (0.2 = ±20 %). @default 0.2 */
  retryJitter: number;
  /** Per-attempt timeout (connect + headers + body). @default 15000 */
  timeoutMs: number;
  /** Bounds applied to a subscriber's `Retry-After` on 429 and 503. @default 1000 and 3600000 */
  retryAfterMinMs: number;
  retryAfterMaxMs: number;
  /** A subscription whose deliveries have all failed for this long is disabled. @default 432000000 (5 days) */
  disableAfterMs: number;
  /** How long a rotated-out secret keeps signing. @default 86400000 (24 h) */
  secretGraceMs: number;
  /** How long an `Idempotency-Key` is remembered. @default 86400000 (24 h) */
  idempotencyTtlMs: number;
  /** Largest accepted `POST /v1/events` body, in bytes. @default 262144 (256 KiB) */
  publishMaxBytes: number;
  /** Lets subscriber URLs reach loopback and private networks (local development and tests only). @default false */
  allowPrivateNetworks: boolean;
  /** How long a claimed delivery belongs to one worker before the sweeper hands it to another. @default 120000 */
  leaseMs: number;
  /** Deliveries claimed per query. @default 256 */
  claimBatchSize: number;
  /** Idle polling interval when nothing is due (publishes in this process wake the worker at once). @default 250 */
  pollIntervalMs: number;
  /** Attempts in flight across all subscriptions. @default 256 */
  maxInFlight: number;
  /** Attempts in flight to one subscription, so one slow subscriber cannot starve the others. @default 16 */
  subscriptionConcurrency: number;
  /** Keep-alive connections kept per subscriber origin. @default 32 */
  connectionsPerOrigin: number;
  /** Keys that seal subscription secrets at rest (HOOKSPEC_SECRETS_KEY): the first seals, any opens. @default none */
  secretsKeys: Buffer[];
  /** Whether this process runs the delivery worker (role `all` or `worker`). */
  runWorker: boolean;
}

export const DEFAULT_RETRY_SCHEDULE_MS = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_DISABLE_AFTER_MS = 5 * 24 * 3_600_000;
export const DEFAULT_SECRET_GRACE_MS = 24 * 3_600_000;
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
export const DEFAULT_PUBLISH_MAX_BYTES = 256 * 1024;
export const DEFAULT_LEASE_MS = 120_000;

export function readOutboundConfig(env: NodeJS.ProcessEnv): OutboundConfig {
  const role = env.HOOKSPEC_ROLE ?? 'all';
  const jitterPercent = readInt(env, 'HOOKSPEC_RETRY_JITTER_PERCENT', 20);
  if (jitterPercent > 100) throw new Error(`HOOKSPEC_RETRY_JITTER_PERCENT must be 0..100 (got ${jitterPercent})`);
  const timeoutMs = readMs(env, 'HOOKSPEC_DELIVERY_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, { min: 1 });
  const leaseMs = readMs(env, 'HOOKSPEC_LEASE_MS', DEFAULT_LEASE_MS);
  // A lease must outlive one attempt, or every claim would expire before its response could be recorded.
  if (leaseMs < timeoutMs + 2_000) throw new Error(`HOOKSPEC_LEASE_MS (${leaseMs}) must be at least HOOKSPEC_DELIVERY_TIMEOUT_MS (${timeoutMs}) + 2000`);
  const retryAfterMinMs = readMs(env, 'HOOKSPEC_RETRY_AFTER_MIN_MS', 1_000);
  const retryAfterMaxMs = readMs(env, 'HOOKSPEC_RETRY_AFTER_MAX_MS', 3_600_000);
  // Clamped between them, a Retry-After would otherwise land on whichever bound the clamp applies last.
  if (retryAfterMinMs > retryAfterMaxMs) {
    throw new Error(`HOOKSPEC_RETRY_AFTER_MIN_MS (${retryAfterMinMs}) must be at most HOOKSPEC_RETRY_AFTER_MAX_MS (${retryAfterMaxMs})`);
  }
  return {
    retrySchedule: readSchedule(env, 'HOOKSPEC_RETRY_SCHEDULE_MS'),
    retryJitter: jitterPercent / 100,
    timeoutMs,
    retryAfterMinMs,
    retryAfterMaxMs,
    // These three only date rows (no timer waits for them), so they may exceed a timer's 24.8 days.
    disableAfterMs: readInt(env, 'HOOKSPEC_DISABLE_AFTER_MS', DEFAULT_DISABLE_AFTER_MS),
    secretGraceMs: readInt(env, 'HOOKSPEC_SECRET_GRACE_MS', DEFAULT_SECRET_GRACE_MS),
    idempotencyTtlMs: readInt(env, 'HOOKSPEC_IDEMPOTENCY_TTL_MS', DEFAULT_IDEMPOTENCY_TTL_MS),
    publishMaxBytes: readPositiveInt(env, 'HOOKSPEC_PUBLISH_MAX_BYTES', DEFAULT_PUBLISH_MAX_BYTES),
    allowPrivateNetworks: readBool(env, 'HOOKSPEC_ALLOW_PRIVATE_NETWORKS', false),
    leaseMs,
    // 0 would claim, send or connect nothing (and a 0 ms poll would spin): refused, not quietly read as 1.
    claimBatchSize: readPositiveInt(env, 'HOOKSPEC_CLAIM_BATCH_SIZE', 256),
    pollIntervalMs: readMs(env, 'HOOKSPEC_POLL_INTERVAL_MS', 250, { min: 1 }),
    maxInFlight: readPositiveInt(env, 'HOOKSPEC_MAX_IN_FLIGHT', 256),
    subscriptionConcurrency: readPositiveInt(env, 'HOOKSPEC_SUBSCRIPTION_CONCURRENCY', 16),
    connectionsPerOrigin: readPositiveInt(env, 'HOOKSPEC_CONNECTIONS_PER_ORIGIN', 32),
    secretsKeys: parseSecretsKeys(env.HOOKSPEC_SECRETS_KEY),
    runWorker: role !== 'api',
  };
}

/**
 * A comma-separated list of delays in ms, e.g. `0,50,100` in tests; at least one entry. Each entry is plain digits
 * (blanks around it are trimmed, as in every list), none empty, none past a timer's MAX_TIMER_MS.
 */
function readSchedule(env: NodeJS.ProcessEnv, name: string): number[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return DEFAULT_RETRY_SCHEDULE_MS;
  return raw.split(',').map((entry, i) => {
    const value = Number(entry.trim());
    // Digits only: Number() reads "1e3" and "0x10", and "" (a doubled or trailing comma) as 0, an extra attempt.
    if (!/^\d+$/.test(entry.trim()) || !Number.isSafeInteger(value)) {
      throw new Error(`${name} entry ${i + 1} must be a non-negative integer in plain digits (got "${entry}" in "${raw}")`);
    }
    if (value > MAX_TIMER_MS) throw msTooLong(`${name} entry ${i + 1}`, entry);
    return value;
  });
}
