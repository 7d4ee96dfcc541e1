import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a subscriber received, with the raw bytes (signatures are over them). */
export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A real HTTP endpoint on loopback that records what it receives and answers 204. */
export interface LoopbackSubscriber {
  /** Base URL subscriptions point at (`http://127.0.0.1:<port>` or the public URL given). */
  url: string;
  received: ReceivedRequest[];
  /** Resolves with the first request (already received or arriving) that matches, or rejects after `timeoutMs`. */
  waitFor(match: (request: ReceivedRequest) => boolean, timeoutMs: number): Promise<ReceivedRequest>;
  close(): Promise<void>;
}

/** Largest body kept; a subscriber under test never needs more. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Starts a subscriber on `host:port` (port 0 = any); `publicUrl` replaces the loopback URL when a tunnel forwards to it. */
export async function startSubscriber(options: { host?: string; port?: number; publicUrl?: string } = {}): Promise<LoopbackSubscriber> {
  const received: ReceivedRequest[] = [];
  const waiters = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      received.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(204).end();
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: options.publicUrl ? options.publicUrl.replace(/\/$/, '') : `http://${address}:${port}`,
    received,
    waitFor(match, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = received.find(match);
          if (!found) return false;
          cleanup();
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`nothing arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        const wake = (): void => void check();
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        waiters.add(wake);
        check();
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
