import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, Counter, Histogram } from 'prom-client';
import { logger } from '../observability/logger.js';
import { registry } from '../observability/metrics.js';

/**
 * How `/metrics` sees the whole cluster. Each HTTP process sends the primary snapshots of its registry (as
 * `getMetricsAsJSON()`): its counters and histograms every `SNAPSHOT_INTERVAL_MS`, and its whole registry when the
 * primary asks, which it does on each scrape, of the processes that listen, waiting at most
 * `SNAPSHOT_ANSWER_TIMEOUT_MS` for each. The answer is the aggregate of the latest snapshot of every live process
 * (a slow one's part is its previous snapshot) plus the counters and histograms of the processes that exited, as
 * they last reported them: aggregated counters never go backwards while the primary lives. A process killed
 * outright cannot report its end, so what it counted after its last snapshot (at most a few seconds, less if
 * scraped meanwhile) is lost. The gauges of an exited process are dropped.
 */

/** IPC message type of a worker asking the primary for the whole server's metrics, and of the answer. */
const SCRAPE = 'hookspec:metrics';
/** IPC message type of the primary asking a worker for a whole snapshot (with an id), and of a worker's snapshot. */
const SNAPSHOT_REQUEST = 'hookspec:metrics-snapshot-request';
const SNAPSHOT = 'hookspec:metrics-snapshot';
/** A worker's counters and histograms reach the primary at least this often (scrapes refresh them too). */
export const SNAPSHOT_INTERVAL_MS = 2_000;
/** How long a scrape waits for each process's snapshot before it uses the one it has. */
export const SNAPSHOT_ANSWER_TIMEOUT_MS = 1_000;
/** How long a worker's `/metrics` waits for the primary (which answers within `SNAPSHOT_ANSWER_TIMEOUT_MS` and change). */
const SCRAPE_TIMEOUT_MS = 5_000;

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
interface SnapshotRequest {
  type: typeof SNAPSHOT_REQUEST;
  id: number;
}
interface Snapshot {
  type: typeof SNAPSHOT;
  /** The request this answers; none for a periodic snapshot. */
  id?: number;
  metrics: MetricJson[];
}

/** One metric as `Registry.getMetricsAsJSON()` gives it (prom-client types `type` as an enum; it is a string). */
export interface MetricJson {
  name: string;
  help: string;
  type: string;
  aggregator: string;
  values: { value: number; labels: Record<string, string | number>; metricName?: string }[];
}

const hasType = (m: unknown, type: string): boolean => typeof m === 'object' && m !== null && (m as { type?: unknown }).type === type;
const isScrape = (m: unknown): m is ScrapeRequest & ScrapeAnswer => hasType(m, SCRAPE);
const isSnapshotRequest = (m: unknown): m is SnapshotRequest => hasType(m, SNAPSHOT_REQUEST);
const isSnapshot = (m: unknown): m is Snapshot => hasType(m, SNAPSHOT) && Array.isArray((m as Snapshot).metrics);

/** Counters and histograms summed over processes: what an exited process leaves in the aggregate. */
const isCarried = (m: MetricJson): boolean => (m.type === 'counter' || m.type === 'histogram') && (m.aggregator ?? 'sum') === 'sum';
const valueKey = (v: MetricJson['values'][number]): string =>
  `${v.metricName ?? ''}\u0000${JSON.stringify(Object.entries(v.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`;

/**
 * The primary's book of snapshots (no IPC here): the latest metrics of each live process, and the summed counters
 * and histograms of those that exited.
 */
export class ClusterMetricsBook {
  private readonly live = new Map<number, Map<string, MetricJson>>();
  private readonly carried = new Map<string, MetricJson>();
  /** Processes already retired: a snapshot of theirs arriving late would count them twice. */
  private readonly retired = new Set<number>();

  /** Takes a snapshot of process `id`: its metrics replace the ones it sent before (the others stay). */
  record(id: number, metrics: MetricJson[]): void {
    if (this.retired.has(id)) return;
    let book = this.live.get(id);
    if (!book) this.live.set(id, (book = new Map()));
    for (const m of metrics) book.set(m.name, m);
  }

  /** Process `id` exited: its last counters and histograms stay in the aggregate, its gauges go. */
  retire(id: number): void {
    if (this.retired.has(id)) return;
    this.retired.add(id);
    const book = this.live.get(id);
    this.live.delete(id);
    if (!book) return;
    for (const m of book.values()) {
      if (!isCarried(m)) continue;
      let into = this.carried.get(m.name);
      if (!into) this.carried.set(m.name, (into = { name: m.name, help: m.help, type: m.type, aggregator: m.aggregator, values: [] }));
      const byKey = new Map(into.values.map((v) => [valueKey(v), v]));
      for (const v of m.values) {
        const known = byKey.get(valueKey(v));
        if (known) known.value += v.value;
        else into.values.push({ ...v, labels: { ...v.labels } });
      }
    }
  }

  /** The Prometheus text of every live process's latest snapshot plus what the exited ones left. */
  async aggregate(): Promise<string> {
    const parts = [...this.live.values()].map((book) => [...book.values()]);
    if (this.carried.size > 0) parts.push([...this.carried.values()]);
    return AggregatorRegistry.aggregate(parts).metrics();
  }
}

/** This process's metrics as JSON: all of them, or only the counters and histograms (cheap: no gauge collects a query). */
async function snapshotOf(all: boolean): Promise<MetricJson[]> {
  if (all) return (await registry.getMetricsAsJSON()) as unknown as MetricJson[];
  const metrics = registry.getMetricsAsArray().filter((m) => m instanceof Counter || m instanceof Histogram) as unknown as { get(): Promise<MetricJson> }[];
  return Promise.all(metrics.map((m) => m.get()));
}

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

/** Sends to the primary if it is still there; a lost message is only a lost snapshot. */
function sendToPrimary(message: Snapshot): void {
  if (process.connected) process.send!(message, undefined, {}, () => undefined);
}

/**
 * In a cluster worker, before anything else: answers the primary's snapshot requests with this process's registry,
 * sends its counters and histograms every `SNAPSHOT_INTERVAL_MS`, and routes `/metrics` through the primary.
 */
export function exposeMetricsToPrimary(): void {
  askPrimary = true;
  const send = (all: boolean, id?: number) =>
    snapshotOf(all).then(
      (metrics) => sendToPrimary({ type: SNAPSHOT, id, metrics }),
      (err: unknown) => logger.warn({ err }, 'taking a metrics snapshot failed'),
    );
  setInterval(() => void send(false), SNAPSHOT_INTERVAL_MS).unref();
  process.on('message', (message: unknown) => {
    if (isSnapshotRequest(message)) {
      void send(true, message.id);
      return;
    }
    if (!isScrape(message)) return;
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if (message.body !== undefined) pending.resolve(message.body);
    else pending.reject(new Error(`cluster metrics failed: ${message.error ?? 'no answer'}`));
  });
}

/**
 * In the primary: keeps each worker's snapshots, asks the workers that listen for a fresh one on each scrape, and
 * answers a worker's `/metrics` with the aggregate (see the top of this file).
 */
export function serveClusterMetrics(): void {
  const book = new ClusterMetricsBook();
  /** Workers that listen (so they answer snapshot requests), with the requests they have yet to answer. */
  const ready = new Map<Worker, Map<number, () => void>>();
  let nextRequest = 0;

  const refresh = (worker: Worker, pending: Map<number, () => void>, id: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pending.delete(id);
        resolve();
      };
      const timer = setTimeout(() => {
        logger.warn({ pid: worker.process.pid, timeout_ms: SNAPSHOT_ANSWER_TIMEOUT_MS }, 'an HTTP process did not send its metrics in time; using its last snapshot');
        done();
      }, SNAPSHOT_ANSWER_TIMEOUT_MS);
      pending.set(id, done);
      try {
        worker.send({ type: SNAPSHOT_REQUEST, id } satisfies SnapshotRequest, (err: Error | null) => err && done());
      } catch {
        done();
      }
    });

  const aggregate = async (): Promise<string> => {
    const id = nextRequest++;
    await Promise.all([...ready].filter(([w]) => w.isConnected()).map(([w, pending]) => refresh(w, pending, id)));
    return book.aggregate();
  };

  cluster.on('listening', (worker) => {
    if (worker.isConnected() && !ready.has(worker)) ready.set(worker, new Map());
  });
  // After its IPC channel closed no snapshot can arrive: the last one is what the process leaves.
  cluster.on('disconnect', (worker) => {
    for (const done of ready.get(worker)?.values() ?? []) done();
    ready.delete(worker);
    book.retire(worker.id);
  });
  cluster.on('message', (worker, message: unknown) => {
    if (isSnapshot(message)) {
      book.record(worker.id, message.metrics);
      if (message.id !== undefined) ready.get(worker)?.get(message.id)?.();
      return;
    }
    if (!isScrape(message)) return;
    const answer = (a: Omit<ScrapeAnswer, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: SCRAPE, id: message.id, ...a } satisfies ScrapeAnswer);
    };
    aggregate().then(
      (body) => answer({ body }),
      (err: unknown) => {
        logger.warn({ err }, 'aggregating cluster metrics failed');
        answer({ error: err instanceof Error ? err.message : String(err) });
      },
    );
  });
}
