import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasLoneSurrogateEscape } from '../../src/api/unicode-text.js';
import { startServer, type TestServer } from './support.js';

describe('hasLoneSurrogateEscape', () => {
  it.each([
    ['a lone high surrogate', '{"d":"a\\ud800b"}', true],
    ['a lone low surrogate', '{"d":"\\udc00"}', true],
    ['a high surrogate at the end of the string', '{"d":"\\uD83D"}', true],
    ['a high surrogate then another escape', '{"d":"\\ud83d\\u0041"}', true],
    ['two high surrogates', '{"d":"\\ud83d\\ud83d\\ude00"}', true],
    ['in a key', '{"\\ud800":1}', true],
    ['a pair (an emoji)', '{"d":"\\ud83d\\ude00"}', false],
    ['a pair in upper case', '{"d":"\\uD83D\\uDE00 ok"}', false],
    ['an escaped backslash, then ud800', '{"d":"\\\\ud800"}', false],
    ['other escapes', '{"d":"\\n\\u0041\\"\\\\"}', false],
    ['raw non-ASCII text', '{"d":"café 😀"}', false],
  ])('%s', (_name, json, has) => {
    expect(hasLoneSurrogateEscape(json)).toBe(has);
  });
});

// JSON.parse takes "\ud800", and UTF-8 cannot hold it: the description came back as "a\uFFFD\uFFFD\uFFFDb".
describe('text that is not well-formed Unicode through /v1', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('refuses an unpaired surrogate escape as 400 invalid_unicode, and stores nothing', async () => {
    const res = await s.call('POST', '/v1/subscriptions', '{"url":"https://example.com/hook","events":["ping"],"description":"a\\ud800b"}');
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(res.json).toMatchObject({ code: 'invalid_unicode' });
    expect((await s.call('GET', '/v1/subscriptions')).json.data).toEqual([]);
  });

  it('refuses bytes that are not UTF-8 as 400 invalid_utf8', async () => {
    const body = Buffer.concat([Buffer.from('{"url":"https://example.com/hook","events":["ping"],"description":"a'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const res = await fetch(`${s.url}/v1/subscriptions`, { method: 'POST', headers: { authorization: 'Bearer test-key', 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid_utf8' });
  });

  it('stores surrogate pairs and raw non-ASCII text as sent', async () => {
    const res = await s.call('POST', '/v1/subscriptions', '{"url":"https://example.com/hook","events":["ping"],"description":"\\ud83d\\ude00 café 😀"}');
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json.description).toBe('😀 café 😀');
  });
});
