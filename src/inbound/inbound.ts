import { receiverRoutes } from '../../generated/operations.js';
import type { InboundConfig, ReceiverPolicy } from '../config/inbound.js';
import type { EventPublisher } from '../outbound/publisher.js';
import type { FastPath } from '../server/http.js';
import type { InboundStore } from '../store/inbound-store.js';
import { loadInboundCatalog, type InboundCatalog } from './catalog.js';
import { Dispatcher } from './dispatch/dispatcher.js';
import { HandlerRegistry } from './dispatch/handler-registry.js';
import { createReceiverFastPath } from './fast-path.js';
import { FloodGuard } from './flood-guard.js';
import { GroupCommit } from './group-commit.js';
import { ReceivePipeline, type ReceiverRuntime } from './receive.js';
import { receivers } from './receivers/index.js';
import type { Receiver } from './receivers/receiver.js';
import { RefusalAudit } from './refusal-audit.js';

export interface InboundDeps {
  config: InboundConfig;
  store: InboundStore;
  publisher: EventPublisher;
  /** Policies by operationId; default: the spec's `x-hookspec-policy` (generated `receiverRoutes`). */
  policies?: Readonly<Record<string, ReceiverPolicy>>;
  catalog?: InboundCatalog;
  /** Epoch ms; tests freeze it to verify old signature vectors. */
  now?: () => number;
}

/** The inbound room, assembled: the fast path for the HTTP server and the background dispatcher. */
export interface Inbound {
  fastPath: FastPath;
  pipeline: ReceivePipeline;
  dispatcher: Dispatcher;
  audit: RefusalAudit;
  commit: GroupCommit;
  /** The variables of the receivers that have no secret and so answer 503, each once. */
  missingSecrets: string[];
  /** Starts the dispatcher (picks up deliveries left unfinished by a previous run). */
  start(): void;
  /** Finishes pending writes, audit rows and running handlers (until `deadline`, when given). */
  stop(deadline?: AbortSignal): Promise<void>;
}

/** Secrets of a receiver, by its provider. */
function secretsOf(config: InboundConfig, receiver: Receiver): readonly string[] {
  switch (receiver.provider) {
    case 'github': return config.secrets.github;
    case 'stripe': return config.secrets.stripe;
    case 'slack': return config.secrets.slack;
    case 'standard-webhooks': return config.secrets.standard;
  }
}

/** Wires receivers, pipeline, group commit, audit, flood guard and dispatcher from the config. */
export function createInbound(deps: InboundDeps): Inbound {
  const { config, store } = deps;
  const now = deps.now ?? Date.now;
  const runtimes: ReceiverRuntime[] = receivers.map((receiver) => ({
    receiver,
    secrets: secretsOf(config, receiver),
    policy: config.policyOverrides[receiver.operationId]
      ?? deps.policies?.[receiver.operationId]
      ?? receiverRoutes.find((r) => r.operationId === receiver.operationId)?.policy
      ?? (receiver.provider === 'standard-webhooks' ? 'strict' : 'lenient'),
    toleranceSec: receiver.provider === 'stripe' ? config.stripeToleranceSec : config.timestampToleranceSec,
  }));
  const commit = new GroupCommit(store, config.writeQueueMax, config.writeBatchMax);
  const audit = new RefusalAudit(store, config.auditKeep, config.auditPerSource);
  const dispatcher = new Dispatcher({
    store,
    publisher: deps.publisher,
    handlers: new HandlerRegistry(config.handlersDir),
    receivers: new Map(receivers.map((r) => [r.operationId, r])),
    config,
    now,
  });
  const pipeline = new ReceivePipeline({
    config,
    catalog: deps.catalog ?? loadInboundCatalog(),
    commit,
    audit,
    flood: new FloodGuard(config.floodThreshold, config.floodWindowMs, now),
    dispatcher,
    now,
  });
  return {
    fastPath: createReceiverFastPath(pipeline, runtimes, config),
    pipeline,
    dispatcher,
    audit,
    commit,
    missingSecrets: [...new Set(runtimes.filter((rt) => rt.secrets.length === 0).map((rt) => rt.receiver.secretVariable))],
    start: () => {
      if (config.dispatch) dispatcher.start();
    },
    async stop(deadline) {
      await commit.idle();
      await dispatcher.stop(deadline);
      await audit.flush();
    },
  };
}
