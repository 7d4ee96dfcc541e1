import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_CONTENT_TYPE } from '../../src/errors/problem.js';
import { startServer, type TestServer } from './support.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => {
  await s.close();
});

// OpenAPI paths are case-sensitive, and so is express-openapi-validator: a route matched in another case would run
// its handler on a request nothing validated (a POST /V1/Subscriptions without `events` answered 500).
describe('management paths match only as the spec spells them', () => {
  it.each([
    ['POST', '/V1/Subscriptions', { url: 'not a url' }],
    ['POST', '/v1/Subscriptions', { url: 'not a url' }],
    ['POST', '/V1/events', { type: 'order.created' }],
    ['GET', '/V1/subscriptions?limit=abc', undefined],
    ['GET', '/HEALTHZ', undefined],
  ])('%s %s is 404 problem+json, never handled unvalidated', async (method, path, body) => {
    const answer = await s.call(method, path, body);
    expect(answer.status).toBe(404);
    expect(answer.type).toContain(PROBLEM_CONTENT_TYPE);
    expect(answer.json).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('nothing was stored by them, and the spelled path still validates and serves', async () => {
    const listed = await s.call('GET', '/v1/subscriptions');
    expect(listed.status).toBe(200);
    expect(listed.json.data).toEqual([]);
    const invalid = await s.call('POST', '/v1/subscriptions', { url: 'not a url' });
    expect(invalid.status).toBe(400);
    expect((await s.call('GET', '/healthz')).status).toBe(200);
  });
});
