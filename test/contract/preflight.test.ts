import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTarget } from '../../src/testing/contract/preflight.js';
import { startServer, type TestServer } from '../api/support.js';
import { loadSpecDocument } from '../../src/testing/spec-document.js';

const TITLE = String(loadSpecDocument().resolve('#/info/title').node);
const listen = async <T extends Server | TcpServer>(server: T): Promise<string> => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

// Against an unreachable or wrong target, every case used to fail on its own: a raw "fetch failed" each, 15 s each
// for a server that never answers (about half an hour), and 404 cases passing on a wrong path prefix.
describe('the contract run checks its target first', () => {
  let hookspec: TestServer;
  let silent: TcpServer;
  let other: Server;
  const sockets: import('node:net').Socket[] = [];
  beforeAll(async () => {
    hookspec = await startServer();
    silent = createTcpServer((socket) => sockets.push(socket));
    other = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    silent?.close();
    other?.close();
    await hookspec?.close();
  });

  it('passes a hookspec server serving this API', async () => {
    await expect(checkTarget(hookspec.url, TITLE)).resolves.toBeUndefined();
  });

  it('names a closed port', async () => {
    // A port that was free a moment ago: nothing listens there now.
    const closed = createTcpServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await expect(checkTarget(`http://127.0.0.1:${port}`, TITLE)).rejects.toThrow(/^cannot reach the contract target: GET http:\/\/127\.0\.0\.1:\d+\/openapi\.json: fetch failed: ECONNREFUSED$/);
  });

  it('gives up on a server that never answers after its timeout, not a case at a time', async () => {
    const started = Date.now();
    await expect(checkTarget(await listen(silent), TITLE, 300)).rejects.toThrow(/cannot reach the contract target: .*no answer in time \(300 ms\)/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('refuses another kind of server, and hookspec under a wrong path prefix', async () => {
    await expect(checkTarget(await listen(other), TITLE)).rejects.toThrow(/is not the hookspec API these cases are for \(GET \/openapi\.json answered 404;/);
    await expect(checkTarget(`${hookspec.url}/prefix`, TITLE)).rejects.toThrow(/\/prefix is not the hookspec API these cases are for \(GET \/openapi\.json answered 404;.*path prefix/);
    await expect(checkTarget(hookspec.url, 'Some other API')).rejects.toThrow(/serves "[^"]+"; expected "Some other API"/);
  });
});
