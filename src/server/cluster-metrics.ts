import cluster from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import { logger } from '../observability/logger.js';
import { registry } from '../observability/metrics.js';

/** IPC message type of a worker asking the primary for the whole server's metrics, and of the answer. */
const SCRAPE = 'hookspec:metrics';
/** Longer than prom-client's own 5 s per-worker timeout, so its error (not ours) names a silent worker. */
const SCRAPE_TIMEOUT_MS = 7_000;
interface ScrapeRequest {
  type: typeof SCRAPE;
  id: number;
}
interface ScrapeAnswer {
  type: typeof SCRAPE;
  id: number;
  body?: string;
  error?: string;
}

const isScrape = (m: unknown): m is ScrapeRequest & ScrapeAnswer =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === SCRAPE;

/** Set in cluster workers: `/metrics` then asks the primary instead of answering for this process alone. */
let askPrimary = false;
let nextId = 0;
const waiting = new Map<number, { resolve: (body: string) => void; reject: (err: Error) => void }>();

/** The Prometheus text `/metrics` serves: the whole cluster in a cluster worker, else this process. */
export async function scrapeMetrics(): Promise<{ contentType: string; body: string }> {
  const body = askPrimary ? await scrapeThroughPrimary() : await registry.metrics();
  return { contentType: registry.contentType, body };
}

function scrapeThroughPrimary(): Promise<string> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      reject(new Error('the cluster primary did not answer the metrics request'));
    }, SCRAPE_TIMEOUT_MS);
    waiting.set(id, {
      resolve: (body) => (clearTimeout(timer), resolve(body)),
      reject: (err) => (clearTimeout(timer), reject(err)),
    });
    process.send!({ type: SCRAPE, id } satisfies ScrapeRequest);
  });
}

/**
 * In a cluster worker, before anything else: answers prom-client's aggregation requests from the primary with
 * this process's registry, and routes `/metrics` through the primary.
 */
export function exposeMetricsToPrimary(): void {
  AggregatorRegistry.setRegistries(registry);
  // Constructing one is what installs prom-client's worker-side listener; this process never aggregates with it.
  new AggregatorRegistry();
  askPrimary = true;
  process.on('message', (message: unknown) => {
    if (!isScrape(message)) return;
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if (message.body !== undefined) pending.resolve(message.body);
    else pending.reject(new Error(`cluster metrics failed: ${message.error ?? 'no answer'}`));
  });
}

/** In the primary: answers a worker's `/metrics` with `clusterMetrics()` over every worker. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isScrape(message)) return;
    const answer = (a: Omit<ScrapeAnswer, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: SCRAPE, id: message.id, ...a } satisfies ScrapeAnswer);
    };
    aggregator.clusterMetrics().then(
      (body) => answer({ body }),
      (err: unknown) => {
        logger.warn({ err }, 'aggregating cluster metrics failed');
        answer({ error: err instanceof Error ? err.message : String(err) });
      },
    );
  });
}
