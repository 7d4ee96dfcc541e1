import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer, type HttpLimits, type RequestListener } from '../../../src/server/http.js';
import type { Harness } from '../../inbound/support/harness.js';

/** The harness's real receiver fast path on its own server (with `limits`), `app` answering everything else. */
export async function startFastPathServer(h: Harness, app: RequestListener, limits?: HttpLimits): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createHttpServer([h.inbound.fastPath], app, limits);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
