import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadConfig, type Config } from '../config/index.js';
import { logger } from '../observability/logger.js';
import { collectProcessMetrics } from '../observability/metrics.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';
import type { AppContext } from './context.js';
import { createHttpServer, type FastPath } from './http.js';

export interface RunningHookspec {
  url: string;
  port: number;
  server: Server;
  store: Store;
  context: AppContext;
  /** Stops accepting, finishes in-flight work, closes the store. */
  close(): Promise<void>;
}

/** The composition root: store → services → HTTP; used by `main.ts`, the CLI and the integration tests. */
export async function startHookspec(config: Config = loadConfig()): Promise<RunningHookspec> {
  collectProcessMetrics();
  const store = await openStore(config.server.databaseUrl);
  const publisher = {
    async publish() {
      throw new Error('outbound publisher not wired yet');
    },
  };
  const context: AppContext = { config, store, publisher };
  const fastPaths: FastPath[] = [];
  const server = createHttpServer(fastPaths, createApp(context));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.server.port, config.server.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host;
  logger.info({ port, database: store.dialect }, 'hookspec listening');
  return {
    url: `http://${host}:${port}`,
    port,
    server,
    store,
    context,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await store.close();
    },
  };
}
