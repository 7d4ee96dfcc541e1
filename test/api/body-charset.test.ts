import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredCharsets } from '../../src/server/body-charset.js';
import { API_KEY, startServer, validOrder, type TestServer } from './support.js';

describe('declaredCharsets', () => {
  it.each([
    ['application/json', []],
    ['application/json; charset=utf-8', ['utf-8']],
    ['application/json;Charset="UTF-16LE"', ['utf-16le']],
    ['application/json; charset=utf-8; charset=utf-16le', ['utf-8', 'utf-16le']],
    ['application/json; profile=x', []],
  ])('%s → %j', (header, charsets) => {
    expect(declaredCharsets(header)).toEqual(charsets);
  });
});

// express.json decoded with the declared charset while the checks before it read UTF-8: a UTF-16 body got past them.
describe('a /v1 body declared in a charset other than UTF-8', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s.close();
  });

  const post = async (path: string, contentType: string, body: Buffer) => {
    const res = await fetch(`${s.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${API_KEY}`, 'content-type': contentType }, body });
    return { status: res.status, type: res.headers.get('content-type'), json: (await res.json()) as any };
  };
  const published = async () => (await s.call('GET', '/v1/events')).json.data;
  const order = JSON.stringify({ type: 'order.created', data: validOrder });

  it.each([
    ['utf-7', 'application/json; charset=utf-7', 'utf-7', Buffer.from(order)],
    ['utf-16le', 'application/json; charset=utf-16le', 'utf-16le', Buffer.from(order, 'utf16le')],
    ['utf-16 quoted, upper case', 'application/json; charset="UTF-16"', 'utf-16', Buffer.from(`\ufeff${order}`, 'utf16le')],
    ['utf-32', 'application/json; charset=utf-32', 'utf-32', Buffer.from(order)],
    ['utf-16le after utf-8', 'application/json; charset=utf-8; charset=utf-16le', 'utf-16le', Buffer.from(order, 'utf16le')],
    ['nesting past the limit, in utf-16le', 'application/json; charset=utf-16le', 'utf-16le',
      Buffer.from(`{"type":"ping","data":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`, 'utf16le')],
    ['an unsafe integer, in utf-16le', 'application/json; charset=utf-16le', 'utf-16le',
      Buffer.from(JSON.stringify({ type: 'order.created', data: { ...validOrder, total: 0 } }).replace('"total":0', '"total":12345678901234567890'), 'utf16le')],
  ])('%s is refused as 415 before it is parsed, and nothing is stored', async (_name, contentType, charset, body) => {
    const res = await post('/v1/events', contentType, body);
    expect(res.status).toBe(415);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(res.json).toMatchObject({ code: 'unsupported_media_type', detail: `Content-Type charset "${charset}" is not supported; send UTF-8.` });
    expect(await published()).toEqual([]);
  });

  it.each(['application/json; charset=utf-8', 'application/json; charset="UTF-8"', 'application/json;charset=utf8', 'application/json; charset=US-ASCII'])(
    '%s is read as UTF-8 and published',
    async (contentType) => {
      const res = await post('/v1/events', contentType, Buffer.from(order));
      expect(res.status, JSON.stringify(res.json)).toBe(202);
      expect((await s.call('GET', `/v1/events/${res.json.id}`)).json.data).toEqual(validOrder);
    },
  );
});
