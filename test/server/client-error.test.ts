import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../src/server/http.js';

let port: number;
const server = createHttpServer([], (_req, res) => res.end('ok'));
beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => ((port = (server.address() as AddressInfo).port), resolve()))));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends raw bytes and resolves with everything the server wrote before it closed the connection. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (out += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(out));
  });
}

function parse(response: string) {
  const [head, body] = response.split('\r\n\r\n');
  const [statusLine, ...headers] = head!.split('\r\n');
  return { statusLine, headers: headers.map((h) => h.toLowerCase()), body: JSON.parse(body!) };
}

describe('requests that are not valid HTTP get problem+json, not a bare status line', () => {
  it('headers over the limit → 431', async () => {
    const res = parse(await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
    expect(res.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(res.headers).toContain('content-type: application/problem+json');
    expect(res.headers).toContain('connection: close');
    expect(res.headers).toContain('x-content-type-options: nosniff');
    expect(res.body).toMatchObject({ status: 431, code: 'request_header_fields_too_large', type: 'urn:hookspec:problem:request_header_fields_too_large' });
  });

  it('a malformed Content-Length → 400 naming the parser\'s reason', async () => {
    const res = parse(await raw('POST /webhooks/github HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'));
    expect(res.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(res.body).toMatchObject({ status: 400, code: 'malformed_http', detail: expect.stringMatching(/^The request is not valid HTTP\/1\.1: .*Content-Length/i) });
  });

  it('the server still answers afterwards', async () => {
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
  });
});

describe('CONNECT gets problem+json, not a connection closed without a word', () => {
  it('→ 501 not_implemented, connection closed, server still up', async () => {
    const res = parse(await raw('CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n'));
    expect(res.statusLine).toBe('HTTP/1.1 501 Not Implemented');
    expect(res.headers).toContain('content-type: application/problem+json');
    expect(res.headers).toContain('connection: close');
    expect(res.body).toMatchObject({ status: 501, code: 'not_implemented', detail: 'CONNECT is not supported: this server is not a proxy.' });
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
  });
});
