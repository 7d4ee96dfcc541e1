import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstResponse, head, openRaw } from '../server/support/raw-socket.js';
import { API_KEY, startServer, type TestServer } from './support.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => {
  await s.close();
});

/** One request as written on the wire (fetch would normalise the path), answered on a closed connection. */
async function send(method: string, path: string, headers: Record<string, string> = {}) {
  const client = await openRaw(s.running.port);
  client.socket.write(head(method, path, { connection: 'close', ...headers }));
  const { text } = await client.closed;
  const { statusLine, headers: lines } = firstResponse(text);
  return { status: Number(statusLine!.split(' ')[1]), headers: lines };
}

describe('every spelling of a /v1 path needs the key', () => {
  // Each is answered 200 with the key: express matches a trailing slash, and a query is not part of the path.
  it.each(['/v1/subscriptions', '/v1/subscriptions/', '/v1/subscriptions?limit=1'])('%s', async (path) => {
    expect((await send('GET', path, { authorization: `Bearer ${API_KEY}` })).status).toBe(200);
    const refused = await send('GET', path);
    expect(refused.status).toBe(401);
    expect(refused.headers).toContain('www-authenticate: bearer realm="hookspec"');
  });

  it.each(['/v1//subscriptions', '/v1/%73ubscriptions', '/v1/./subscriptions', '/v1/x/../subscriptions', '/v1/nothing', '/v1', 'http://h/v1/subscriptions'])(
    '%s, which names no operation, is refused before it is routed',
    async (path) => {
      expect((await send('GET', path)).status).toBe(401);
    },
  );

  // What express routes and what express-openapi-validator checks must be the same path (both get origin-form).
  it.each(['http://h/v1/subscriptions', 'http://h/v1/subscriptions?limit=1', '/v1/subscriptions#x', '/v1/subscriptions?limit=1#x'])('%s is served as its origin-form path', async (path) => {
    expect((await send('GET', path, { authorization: `Bearer ${API_KEY}` })).status).toBe(200);
  });

  it.each(['/v1/SUBSCRIPTIONS', '/v1/Subscriptions'])('%s, another case under /v1, is refused before it is routed', async (path) => {
    expect((await send('GET', path)).status).toBe(401);
  });

  it('a wrong key is told apart from a missing one (RFC 6750 error="invalid_token")', async () => {
    const wrong = await send('GET', '/v1/subscriptions', { authorization: 'Bearer not-the-key' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers).toContain('www-authenticate: bearer realm="hookspec", error="invalid_token"');
    expect((await send('GET', '/v1/subscriptions')).headers.some((h) => h.includes('invalid_token'))).toBe(false);
  });

  it.each(['HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE', 'PATCH'])('%s is refused like GET, a CORS preflight included', async (method) => {
    const res = await send(method, '/v1/subscriptions', { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' });
    expect(res.status).toBe(401);
    expect(res.headers.some((h) => h.startsWith('access-control-'))).toBe(false);
  });
});
