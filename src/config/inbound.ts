import { fileURLToPath } from 'node:url';
import { isSecret } from '../crypto/standard-webhooks-secret.js';
import { readBool, readInt, readList } from './server.js';

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
  /** Stripe timestamp tolerance in seconds, either way (`STRIPE_WEBHOOK_TOLERANCE`). @default 300 */
  stripeToleranceSec: number;
  /** Slack and Standard Webhooks timestamp tolerance in seconds (`HOOKSPEC_INBOUND_TOLERANCE`). @default 300 */
  timestampToleranceSec: number;
  /** Policy overrides by operationId, e.g. `receiveGithubWebhook=strict` (`HOOKSPEC_INBOUND_POLICY`). @default {} (the spec's `x-hookspec-policy`) */
  policyOverrides: Record<string, ReceiverPolicy>;
  /** Deliveries waiting for the durable write before new ones get 503 (`HOOKSPEC_INBOUND_QUEUE_MAX`). @default 2000 */
  writeQueueMax: number;
  /** Rows per group-commit transaction (`HOOKSPEC_INBOUND_BATCH_MAX`). @default 256 */
  writeBatchMax: number;
  /** Failed verifications from one address within the window before it gets 429 (`HOOKSPEC_INBOUND_FLOOD_THRESHOLD`). @default 20 */
  floodThreshold: number;
  /** Window (and block time) of the failure counter in ms (`HOOKSPEC_INBOUND_FLOOD_WINDOW_MS`). @default 60000 */
  floodWindowMs: number;
  /** Refusal audit rows kept; older ones are pruned (`HOOKSPEC_INBOUND_AUDIT_KEEP`). @default 100000 */
  auditKeep: number;
  /** Handler attempts before a delivery is marked failed (`HOOKSPEC_INBOUND_MAX_ATTEMPTS`). @default 5 */
  maxAttempts: number;
  /** First retry delay in ms, doubled each attempt (`HOOKSPEC_INBOUND_RETRY_BASE_MS`). @default 1000 */
  retryBaseMs: number;
  /** How long a claimed delivery stays leased to this process (`HOOKSPEC_INBOUND_LEASE_MS`). @default 30000 */
  leaseMs: number;
  /** How often due and abandoned deliveries are looked for (`HOOKSPEC_INBOUND_POLL_MS`). @default 1000 */
  pollMs: number;
  /** Time a slash command handler gets before Slack is answered with an ack text (`HOOKSPEC_SLACK_COMMAND_REPLY_MS`). @default 2500 */
  slackCommandReplyMs: number;
  /**
   * Whether this process runs handlers and publishes after the ack (`HOOKSPEC_INBOUND_DISPATCH`). Set false on
   * receive-only processes when another process on the same database dispatches. @default true
   */
  dispatch: boolean;
  /**
   * Directory of the event handlers `<webhook-name>.ts` or `.js` (`HOOKSPEC_HANDLERS_DIR`).
   * @default src/handlers beside the running code (build/src/handlers for the compiled server)
   */
  handlersDir: string;
}

export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
export const DEFAULT_TOLERANCE_SEC = 300;

export function readInboundConfig(env: NodeJS.ProcessEnv): InboundConfig {
  return {
    secrets: {
      github: readList(env, 'GITHUB_WEBHOOK_SECRET'),
      stripe: readList(env, 'STRIPE_WEBHOOK_SECRET'),
      slack: readList(env, 'SLACK_SIGNING_SECRET'),
      standard: readStandardSecrets(env),
    },
    maxBodyBytes: readInt(env, 'HOOKSPEC_INBOUND_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES),
    stripeToleranceSec: readInt(env, 'STRIPE_WEBHOOK_TOLERANCE', DEFAULT_TOLERANCE_SEC),
    timestampToleranceSec: readInt(env, 'HOOKSPEC_INBOUND_TOLERANCE', DEFAULT_TOLERANCE_SEC),
    policyOverrides: readPolicies(env),
    writeQueueMax: readInt(env, 'HOOKSPEC_INBOUND_QUEUE_MAX', 2000),
    writeBatchMax: readInt(env, 'HOOKSPEC_INBOUND_BATCH_MAX', 256),
    floodThreshold: readInt(env, 'HOOKSPEC_INBOUND_FLOOD_THRESHOLD', 20),
    floodWindowMs: readInt(env, 'HOOKSPEC_INBOUND_FLOOD_WINDOW_MS', 60_000),
    auditKeep: readInt(env, 'HOOKSPEC_INBOUND_AUDIT_KEEP', 100_000),
    maxAttempts: Math.max(1, readInt(env, 'HOOKSPEC_INBOUND_MAX_ATTEMPTS', 5)),
    retryBaseMs: readInt(env, 'HOOKSPEC_INBOUND_RETRY_BASE_MS', 1000),
    leaseMs: readInt(env, 'HOOKSPEC_INBOUND_LEASE_MS', 30_000),
    pollMs: Math.max(10, readInt(env, 'HOOKSPEC_INBOUND_POLL_MS', 1000)),
    slackCommandReplyMs: readInt(env, 'HOOKSPEC_SLACK_COMMAND_REPLY_MS', 2500),
    dispatch: readBool(env, 'HOOKSPEC_INBOUND_DISPATCH', true),
    handlersDir: env.HOOKSPEC_HANDLERS_DIR || DEFAULT_HANDLERS_DIR,
  };
}

/**
 * `HOOKSPEC_RECEIVER_SECRET`: each entry a Standard Webhooks secret. A typo would otherwise decode to some other key
 * and refuse every delivery as a bad signature.
 */
function readStandardSecrets(env: NodeJS.ProcessEnv): string[] {
  const secrets = readList(env, 'HOOKSPEC_RECEIVER_SECRET');
  secrets.forEach((secret, i) => {
    // The entry's position, never its value: startup errors end up in logs.
    if (!isSecret(secret)) throw new Error(`HOOKSPEC_RECEIVER_SECRET entry ${i + 1} must be whsec_ followed by base64 (a Standard Webhooks secret)`);
  });
  return secrets;
}

/** `HOOKSPEC_INBOUND_POLICY=receiveGithubWebhook=strict,receiveStripeWebhook=lenient`. */
function readPolicies(env: NodeJS.ProcessEnv): Record<string, ReceiverPolicy> {
  const out: Record<string, ReceiverPolicy> = {};
  for (const entry of readList(env, 'HOOKSPEC_INBOUND_POLICY')) {
    const [operationId, policy] = entry.split('=').map((s) => s.trim());
    if (!operationId || (policy !== 'lenient' && policy !== 'strict')) {
      throw new Error(`HOOKSPEC_INBOUND_POLICY entries must be <operationId>=lenient|strict (got "${entry}")`);
    }
    out[operationId] = policy;
  }
  return out;
}
