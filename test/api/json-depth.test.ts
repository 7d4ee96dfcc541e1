import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../src/api/json-depth.js';
import { API_KEY, startServer, type TestServer } from './support.js';

const objects = (depth: number, inner = '1') => '{"a":'.repeat(depth) + inner + '}'.repeat(depth);
const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('nestsDeeperThan', () => {
  it.each([
    ['objects at the limit', objects(3), false],
    ['objects past it', objects(4), true],
    ['arrays past it', arrays(4), true],
    ['siblings do not add up', `[${arrays(3)},${arrays(3)},{"a":{"b":{}}}]`, true],
    ['siblings at the limit', `[${arrays(2)},${arrays(2)}]`, false],
    ['brackets inside strings', `{"s":"[[[[{{{{\\"[[[["}`, false],
    ['a backslash before the closing quote', `{"s":"\\\\","t":${arrays(2)}}`, false],
    ['text that is not JSON', 'not json at all', false],
  ])('%s', (_name, json, deeper) => {
    expect(nestsDeeperThan(json, 3)).toBe(deeper);
  });
});

describe('POST /v1 with a deeply nested body', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s.close();
  });

  const post = (path: string, body: string) =>
    fetch(`${s.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' }, body });

  it.each([
    ['event data nested in objects', objects(20_000)],
    ['event data nested in arrays', `{"x":${arrays(100_000)}}`],
  ])('%s is refused as 400 json_too_deep, not a 500 from a stack overflow', async (_name, data) => {
    const res = await post('/v1/events', `{"type":"ping","data":${data}}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'json_too_deep', detail: expect.stringContaining(String(MAX_JSON_DEPTH)) });
  });

  it('a body nested exactly to the limit is published and read back', async () => {
    // The body's own object is the first level, data the second.
    const data = objects(MAX_JSON_DEPTH - 2, '"deep"');
    const res = await post('/v1/events', `{"type":"ping","data":${data}}`);
    expect(res.status, await res.clone().text()).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const read = await s.call('GET', `/v1/events/${id}`);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.json.data)).toBe(data);
  });
});
