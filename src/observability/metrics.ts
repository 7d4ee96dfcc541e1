import { Registry, collectDefaultMetrics } from 'prom-client';

/** The one Prometheus registry; each room registers its own metrics on it in its own file. */
export const registry = new Registry();

let defaultsCollected = false;
/** Process metrics (memory, event loop lag) are collected once, by the server, not by every import. */
export function collectProcessMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: registry, prefix: 'hookspec_' });
}
