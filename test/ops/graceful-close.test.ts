import { createServer, request, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { logger } from '../../src/observability/logger.js';
import { closeGracefully, type Stoppable } from '../../src/server/graceful-close.js';

const log = logger.child({ test: 'graceful-close' });

describe('closeGracefully', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  async function listen(handler: RequestListener): Promise<number> {
    server = createServer({ keepAliveTimeout: 65_000 }, handler);
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    return (server.address() as AddressInfo).port;
  }

  it('waits for background work, then closes the store last, even when a part throws', async () => {
    await listen((_req, res) => res.end('ok'));
    const order: string[] = [];
    const stoppables: Stoppable[] = [
      { name: 'slow', stop: async () => void (await new Promise((r) => setTimeout(r, 200)), order.push('slow stopped')) },
      { name: 'throws', stop: () => { throw new Error('boom'); } },
    ];
    await closeGracefully({ server: server!, stoppables, closeStore: async () => void order.push('store closed'), deadlineMs: 5_000, log });
    expect(order).toEqual(['slow stopped', 'store closed']);
    expect(server!.listening).toBe(false);
  });

  it('closes a kept-alive connection once its response is done, instead of waiting for the keep-alive timeout', async () => {
    let respond!: () => void;
    const port = await listen((_req, res) => {
      respond = () => res.end('late answer');
    });
    const body = new Promise<string>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/', agent: false, headers: { connection: 'keep-alive' } }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve(text));
      }).on('error', reject).end();
    });
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    const closed = closeGracefully({ server: server!, stoppables: [], closeStore: async () => {}, deadlineMs: 5_000, log });
    await new Promise((r) => setTimeout(r, 200));
    respond();
    expect(await body).toBe('late answer');
    await closed;
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('cuts connections that are still busy at the deadline and gives stoppables the abort signal', async () => {
    await listen(() => {
      // never answers
    });
    const port = (server!.address() as AddressInfo).port;
    const hung = new Promise<string>((resolve) => {
      request({ host: '127.0.0.1', port, path: '/' }, () => resolve('answered')).on('error', (err) => resolve(err.message)).end();
    });
    await new Promise((r) => setTimeout(r, 100));
    let aborted = false;
    const stoppable: Stoppable = {
      name: 'worker',
      stop: (deadline) => new Promise<void>((resolve) => deadline.addEventListener('abort', () => ((aborted = true), resolve()), { once: true })),
    };
    const started = Date.now();
    await closeGracefully({ server: server!, stoppables: [stoppable], closeStore: async () => {}, deadlineMs: 300, log });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(aborted).toBe(true);
    expect(await hung).toMatch(/socket hang up|ECONNRESET/);
  });
});
