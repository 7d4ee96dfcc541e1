import { readdirSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { receiverRoutes } from '../../generated/operations.js';
import { isSecret, SECRET_PREFIX, secretKey } from '../crypto/standard-webhooks-secret.js';
import { readBool, readInt, readList, readMs, readPositiveInt } from './server.js';

/** The handlers beside the running code: src/handlers under tsx, build/src/handlers when run from `make build`. */
export const DEFAULT_HANDLERS_DIR = fileURLToPath(new URL('../handlers', import.meta.url));

/** Policy of a receiver when a payload does not match its catalog schema. */
export type ReceiverPolicy = 'lenient' | 'strict';

/** Secrets per receiver scheme; each a list so a secret can be rotated (any listed secret that matches is accepted). */
export interface InboundSecrets {
  /** `GITHUB_WEBHOOK_SECRET`. */
  github: string[];
  /** `STRIPE_WEBHOOK_SECRET` (`whsec_…`, used as UTF-8 bytes). */
  stripe: string[];
  /** `SLACK_SIGNING_SECRET`. */
  slack: string[];
  /** `HOOKSPEC_RECEIVER_SECRET` (Standard Webhooks, `whsec_` + base64). */
  standard: string[];
}

/** Settings of the inbound receivers, read once from the environment. */
export interface InboundConfig {
  secrets: InboundSecrets;
  /** Largest accepted request body in bytes (`HOOKSPEC_INBOUND_MAX_BODY_BYTES`). @default 5242880 (5 MiB) */
  maxBodyBytes: number;
  /**
   * Stripe timestamp tolerance in seconds, either way (`STRIPE_WEBHOOK_TOLERANCE`). At least 1: stripe-node reads 0 as
   * "no check", here it would mean "this second only", so 0 is refused rather than read either way. @default 300
   */
  stripeToleranceSec: number;
  /** Slack and Standard Webhooks timestamp tolerance in seconds, at least 1 (`HOOKSPEC_INBOUND_TOLERANCE`). @default 300 */
  timestampToleranceSec: number;
  /**
   * Policy overrides by receiver operationId, e.g. `receiveGithubWebhook=strict` (`HOOKSPEC_INBOUND_POLICY`); an
   * unknown operationId stops the start. @default {} (the spec's `x-hookspec-policy`)
   */
  policyOverrides: Record<string, ReceiverPolicy>;
  /** Deliveries waiting for the durable write before new ones get 503 (`HOOKSPEC_INBOUND_QUEUE_MAX`). @default 2000 */
  writeQueueMax: number;
  /** Rows per group-commit transaction (`HOOKSPEC_INBOUND_BATCH_MAX`). @default 256 */
  writeBatchMax: number;
  /** Failed verifications from one address within the window before it gets 429 (`HOOKSPEC_INBOUND_FLOOD_THRESHOLD`). @default 20 */
  floodThreshold: number;
  /** Window (and block time) of the failure counter in ms, at least 1 (`HOOKSPEC_INBOUND_FLOOD_WINDOW_MS`). @default 60000 */
  floodWindowMs: number;
  /**
   * Reverse proxies (addresses and CIDR ranges) whose `X-Forwarded-For` is believed, so the flood guard and the audit
   * see the client instead of the proxy (`HOOKSPEC_TRUSTED_PROXIES`). @default undefined (trust nobody: the socket address)
   */
  trustedProxies: BlockList | undefined;
  /** Refusal audit rows kept; older ones are pruned (`HOOKSPEC_INBOUND_AUDIT_KEEP`). @default 100000 */
  auditKeep: number;
  /**
   * Refusals audited row by row per source address per minute, signature failures (401) counted apart; beyond it a
   * source's refusals are counted into one `audit_suppressed` row per minute, so one client cannot flush the audit
   * (`HOOKSPEC_INBOUND_AUDIT_PER_SOURCE`, 0: no limit). @default 60
   */
  auditPerSource: number;
  /** Handler attempts before a delivery is marked failed (`HOOKSPEC_INBOUND_MAX_ATTEMPTS`). @default 5 */
  maxAttempts: number;
  /** First retry delay in ms, doubled each attempt (`HOOKSPEC_INBOUND_RETRY_BASE_MS`). @default 1000 */
  retryBaseMs: number;
  /** How long a claimed delivery stays leased to this process (`HOOKSPEC_INBOUND_LEASE_MS`). @default 30000 */
  leaseMs: number;
  /**
   * Time one handler call (one event, or one batch) gets before the attempt counts as failed and is retried
   * (`HOOKSPEC_HANDLER_TIMEOUT_MS`). At most `leaseMs` - 1000. @default 25000, or `leaseMs` - 1000 if that is less
   * (a lease leaving under MIN_FOLLOWED_HANDLER_TIMEOUT_MS is refused)
   */
  handlerTimeoutMs: number;
  /** How often due and abandoned deliveries are looked for (`HOOKSPEC_INBOUND_POLL_MS`). @default 1000 */
  pollMs: number;
  /**
   * Time from a Slack slash command's or interaction's arrival until it is answered with the plain ack if its handler
   * has not replied (`HOOKSPEC_SLACK_COMMAND_REPLY_MS`); below 3000, since Slack gives up after 3 s. @default 2500
   */
  slackCommandReplyMs: number;
  /**
   * Whether this process runs handlers and publishes after the ack (`HOOKSPEC_INBOUND_DISPATCH`). Set false on
   * receive-only processes when another process on the same database dispatches. @default true
   */
  dispatch: boolean;
  /**
   * Directory of the event handlers `<webhook-name>.ts` or `.js` (`HOOKSPEC_HANDLERS_DIR`); checked to exist at start.
   * @default src/handlers beside the running code (build/src/handlers for the compiled server)
   */
  handlersDir: string;
}

/**
 * One source's audited refusals per minute: above what a misconfigured provider retries (the flood guard already cuts
 * bad signatures to about one a second), far below a flood: one source needs 13 hours to fill the default 100000 rows.
 */
export const DEFAULT_AUDIT_PER_SOURCE = 60;
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
export const DEFAULT_TOLERANCE_SEC = 300;
export const DEFAULT_INBOUND_LEASE_MS = 30_000;
/** Shorter than the lease, so a stuck handler's attempt ends (and is recorded) before another process may take the row. */
export const DEFAULT_HANDLER_TIMEOUT_MS = 25_000;
/** Lease time left after the handler timeout for the publish and the completion write. */
export const HANDLER_LEASE_MARGIN_MS = 1_000;
/** Shortest handler timeout taken from a short lease unasked: below it nearly every handler would time out. */
export const MIN_FOLLOWED_HANDLER_TIMEOUT_MS = 500;
export const DEFAULT_FLOOD_WINDOW_MS = 60_000;
/** Leaves half a second of Slack's 3 s for the answer to reach it. */
export const DEFAULT_SLACK_REPLY_MS = 2_500;
/** Slack shows the user an error when a slash command or interaction is not answered within 3 s. */
export const SLACK_REPLY_LIMIT_MS = 3_000;

/** Shortest `HOOKSPEC_INBOUND_POLL_MS`: the sweep queries the database each time. */
export const MIN_INBOUND_POLL_MS = 10;
/**
 * Shortest key a Standard Webhooks secret written without `whsec_` may decode to (the spec's minimum, 24 bytes): without
 * the prefix only its length tells a secret from a word that happens to be base64, like `bad` or `changeme`.
 */
export const MIN_UNPREFIXED_SECRET_BYTES = 24;

export function readInboundConfig(env: NodeJS.ProcessEnv): InboundConfig {
  const leaseMs = readMs(env, 'HOOKSPEC_INBOUND_LEASE_MS', DEFAULT_INBOUND_LEASE_MS, { min: 1 });
  return {
    secrets: {
      github: readSecretList(env, 'GITHUB_WEBHOOK_SECRET'),
      stripe: readSecretList(env, 'STRIPE_WEBHOOK_SECRET'),
      slack: readSecretList(env, 'SLACK_SIGNING_SECRET'),
      standard: readStandardSecrets(env),
    },
    maxBodyBytes: readPositiveInt(env, 'HOOKSPEC_INBOUND_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES),
    stripeToleranceSec: readTolerance(env, 'STRIPE_WEBHOOK_TOLERANCE'),
    timestampToleranceSec: readTolerance(env, 'HOOKSPEC_INBOUND_TOLERANCE'),
    policyOverrides: readPolicies(env),
    // 0 would refuse every delivery (queue) or write empty batches forever (batch).
    writeQueueMax: readPositiveInt(env, 'HOOKSPEC_INBOUND_QUEUE_MAX', 2000),
    writeBatchMax: readPositiveInt(env, 'HOOKSPEC_INBOUND_BATCH_MAX', 256),
    floodThreshold: readInt(env, 'HOOKSPEC_INBOUND_FLOOD_THRESHOLD', 20),
    floodWindowMs: readFloodWindowMs(env),
    trustedProxies: readTrustedProxies(env),
    auditKeep: readInt(env, 'HOOKSPEC_INBOUND_AUDIT_KEEP', 100_000),
    auditPerSource: readInt(env, 'HOOKSPEC_INBOUND_AUDIT_PER_SOURCE', DEFAULT_AUDIT_PER_SOURCE),
    // 0 attempts would never run a handler: refused, not quietly read as 1.
    maxAttempts: readPositiveInt(env, 'HOOKSPEC_INBOUND_MAX_ATTEMPTS', 5),
    retryBaseMs: readMs(env, 'HOOKSPEC_INBOUND_RETRY_BASE_MS', 1000),
    leaseMs,
    handlerTimeoutMs: readHandlerTimeout(env, leaseMs),
    // Below 10 ms the sweep would query the database nonstop: refused, not quietly raised to 10.
    pollMs: readMs(env, 'HOOKSPEC_INBOUND_POLL_MS', 1000, { min: MIN_INBOUND_POLL_MS }),
    slackCommandReplyMs: readSlackReplyMs(env),
    dispatch: readBool(env, 'HOOKSPEC_INBOUND_DISPATCH', true),
    handlersDir: readHandlersDir(env),
  };
}

/** A timestamp tolerance in seconds, at least 1: no value turns the check off, and 0 would refuse nearly every delivery. */
function readTolerance(env: NodeJS.ProcessEnv, name: 'STRIPE_WEBHOOK_TOLERANCE' | 'HOOKSPEC_INBOUND_TOLERANCE'): number {
  const sec = readInt(env, name, DEFAULT_TOLERANCE_SEC);
  if (sec >= 1) return sec;
  // stripe-node reads 0 as "no check": someone coming from it may mean that, so say that no value does it here.
  const stripeNode = name === 'STRIPE_WEBHOOK_TOLERANCE' ? ' (unlike stripe-node, where 0 turns the check off)' : '';
  throw new Error(`${name} must be at least 1 second (got "${env[name]}"): 0 would accept only signatures made this very second, and no value turns the timestamp check off${stripeNode}`);
}

/** `HOOKSPEC_SLACK_COMMAND_REPLY_MS`: the reply deadline must end before Slack stops waiting. */
function readSlackReplyMs(env: NodeJS.ProcessEnv): number {
  const ms = readInt(env, 'HOOKSPEC_SLACK_COMMAND_REPLY_MS', DEFAULT_SLACK_REPLY_MS);
  if (ms >= SLACK_REPLY_LIMIT_MS) throw new Error(`HOOKSPEC_SLACK_COMMAND_REPLY_MS must be below ${SLACK_REPLY_LIMIT_MS}: Slack gives up on a slash command or interaction after 3 s, and the answer still has to reach it (got "${ms}")`);
  return ms;
}

/** `HOOKSPEC_HANDLER_TIMEOUT_MS`: positive, and ending before the lease so no other process runs the row meanwhile. */
function readHandlerTimeout(env: NodeJS.ProcessEnv, leaseMs: number): number {
  const raw = env.HOOKSPEC_HANDLER_TIMEOUT_MS;
  // Unset, it follows a shortened lease instead of refusing a configuration that worked before it existed.
  if (raw === undefined || raw === '') return followLease(leaseMs);
  // Positive: zero would fail every attempt before its handler could run.
  const timeoutMs = readMs(env, 'HOOKSPEC_HANDLER_TIMEOUT_MS', DEFAULT_HANDLER_TIMEOUT_MS, { min: 1 });
  if (timeoutMs + HANDLER_LEASE_MARGIN_MS > leaseMs) {
    throw new Error(`HOOKSPEC_HANDLER_TIMEOUT_MS (${timeoutMs}) must be at most HOOKSPEC_INBOUND_LEASE_MS (${leaseMs}) - ${HANDLER_LEASE_MARGIN_MS}, so a lease never expires under a running handler`);
  }
  return timeoutMs;
}

/** The handler timeout a lease leaves when none is set; a lease too short to leave a usable one is refused, not cut to 1 ms. */
function followLease(leaseMs: number): number {
  const timeoutMs = Math.min(DEFAULT_HANDLER_TIMEOUT_MS, leaseMs - HANDLER_LEASE_MARGIN_MS);
  if (timeoutMs >= MIN_FOLLOWED_HANDLER_TIMEOUT_MS) return timeoutMs;
  const minLeaseMs = MIN_FOLLOWED_HANDLER_TIMEOUT_MS + HANDLER_LEASE_MARGIN_MS;
  throw new Error(`HOOKSPEC_INBOUND_LEASE_MS (${leaseMs}) must be at least ${minLeaseMs} while HOOKSPEC_HANDLER_TIMEOUT_MS is unset: the handler timeout is then the lease - ${HANDLER_LEASE_MARGIN_MS}, and under ${MIN_FOLLOWED_HANDLER_TIMEOUT_MS} ms nearly every handler would time out (or set HOOKSPEC_HANDLER_TIMEOUT_MS yourself)`);
}

/** `HOOKSPEC_INBOUND_FLOOD_WINDOW_MS`: 0 would end every block as it starts, turning the guard off unannounced. */
function readFloodWindowMs(env: NodeJS.ProcessEnv): number {
  const ms = readMs(env, 'HOOKSPEC_INBOUND_FLOOD_WINDOW_MS', DEFAULT_FLOOD_WINDOW_MS);
  if (ms === 0) throw new Error('HOOKSPEC_INBOUND_FLOOD_WINDOW_MS must be at least 1 ms (got "0"): 0 would lift every block at once; HOOKSPEC_INBOUND_FLOOD_THRESHOLD=0 is what turns the flood guard off');
  return ms;
}

/** Whether this process imports `.ts` files: under tsx (its modules are `.ts`) or Node's own type stripping. */
const CAN_IMPORT_TYPESCRIPT = import.meta.url.endsWith('.ts') || Boolean((process.features as { typescript?: unknown }).typescript);

/**
 * `HOOKSPEC_HANDLERS_DIR`: a directory that exists. Missing, every handler would be quietly "not there" (events only
 * published); holding only `.ts` handlers in a process that cannot import them, every delivery would fail its attempts.
 */
function readHandlersDir(env: NodeJS.ProcessEnv): string {
  const dir = env.HOOKSPEC_HANDLERS_DIR;
  if (!dir) return DEFAULT_HANDLERS_DIR;
  // Relative to the working directory, as the dispatcher reads it.
  const path = resolve(dir);
  let names: string[];
  try {
    names = readdirSync(path);
  } catch (err) {
    throw new Error(`HOOKSPEC_HANDLERS_DIR must be a directory this process can read (got "${dir}": ${(err as Error).message})`);
  }
  const typescriptOnly = names.some((n) => n.endsWith('.ts') && !n.endsWith('.d.ts')) && !names.some((n) => n.endsWith('.js') || n.endsWith('.mjs'));
  if (typescriptOnly && !CAN_IMPORT_TYPESCRIPT) {
    throw new Error(`HOOKSPEC_HANDLERS_DIR (${path}) holds TypeScript handlers, which this compiled server cannot load: point it at their compiled .js (build/src/handlers after \`make build\`), unset it, or run the server under tsx`);
  }
  return dir;
}

/**
 * `HOOKSPEC_RECEIVER_SECRET`: each entry a Standard Webhooks secret. A typo would otherwise decode to some other key
 * and refuse every delivery as a bad signature.
 */
function readStandardSecrets(env: NodeJS.ProcessEnv): string[] {
  const secrets = readSecretList(env, 'HOOKSPEC_RECEIVER_SECRET');
  secrets.forEach((secret, i) => {
    // The entry's position, never its value: startup errors end up in logs.
    const prefixed = secret.startsWith(SECRET_PREFIX);
    if (!isSecret(secret) || (!prefixed && secretKey(secret).length < MIN_UNPREFIXED_SECRET_BYTES)) {
      throw new Error(`HOOKSPEC_RECEIVER_SECRET entry ${i + 1} must be whsec_ followed by base64 (a Standard Webhooks secret), or base64 of at least ${MIN_UNPREFIXED_SECRET_BYTES} bytes without whsec_`);
    }
  });
  return secrets;
}

/**
 * A receiver's secrets, comma-separated for rotation. Unset, blank or only commas is "no secret" (the receiver answers 503 naming
 * the variable); an empty entry beside others (`a,`, `a,,b`) is refused: it is usually a secret that was not pasted.
 */
function readSecretList(env: NodeJS.ProcessEnv, name: string): string[] {
  const entries = (env[name] ?? '').split(',').map((s) => s.trim());
  // Nothing but blanks and commas is "unset", as in every list.
  if (entries.every((s) => s === '')) return [];
  const empty = entries.indexOf('');
  if (empty >= 0) throw new Error(`${name} entry ${empty + 1} is empty (a doubled or trailing comma?): list the secrets separated by single commas`);
  return entries;
}

/** Largest prefix length per address family of a CIDR range. */
const MAX_PREFIX = { ipv4: 32, ipv6: 128 } as const;

/**
 * `HOOKSPEC_TRUSTED_PROXIES=10.0.0.0/8,2001:db8::/32,127.0.0.1`: IPv4 and IPv6 addresses and ranges. An IPv4 entry
 * also matches its IPv4-mapped form (`::ffff:127.0.0.1`, what a dual-stack socket reports), and the other way round.
 */
function readTrustedProxies(env: NodeJS.ProcessEnv): BlockList | undefined {
  const entries = readList(env, 'HOOKSPEC_TRUSTED_PROXIES');
  if (entries.length === 0) return undefined;
  const list = new BlockList();
  entries.forEach((entry, i) => {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address) === 4 ? 'ipv4' : isIP(address) === 6 ? 'ipv6' : undefined;
    if (!family || rest.length > 0 || (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= MAX_PREFIX[family]))) {
      throw new Error(`HOOKSPEC_TRUSTED_PROXIES entry ${i + 1} must be an IP address or a CIDR range like 10.0.0.0/8 or 2001:db8::/32 (got "${entry}")`);
    }
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  });
  return list;
}

/**
 * `HOOKSPEC_INBOUND_POLICY=receiveGithubWebhook=strict,receiveStripeWebhook=lenient`. An operationId that names no
 * receiver is refused: ignored, a typo would leave a receiver on the policy the operator meant to change.
 */
function readPolicies(env: NodeJS.ProcessEnv): Record<string, ReceiverPolicy> {
  const known = receiverRoutes.map((r) => r.operationId);
  const out: Record<string, ReceiverPolicy> = {};
  for (const entry of readList(env, 'HOOKSPEC_INBOUND_POLICY')) {
    const [operationId, policy] = entry.split('=').map((s) => s.trim());
    if (!operationId || (policy !== 'lenient' && policy !== 'strict')) {
      throw new Error(`HOOKSPEC_INBOUND_POLICY entries must be <operationId>=lenient|strict (got "${entry}")`);
    }
    if (!known.includes(operationId)) {
      throw new Error(`HOOKSPEC_INBOUND_POLICY names an unknown receiver "${operationId}"; the receivers' operationIds are ${[...known].sort().join(', ')}`);
    }
    // Named twice, one policy would win silently by its place in the list.
    if (operationId in out) throw new Error(`HOOKSPEC_INBOUND_POLICY names the receiver "${operationId}" more than once`);
    out[operationId] = policy;
  }
  return out;
}
