import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type TestServer } from './support.js';

// As after adding a path to openapi.yaml and `make generate`, before anyone wrote its handler: listEvents is missing.
vi.mock('../../src/api/events.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/api/events.js')>();
  return {
    ...original,
    eventOperations: (ctx: Parameters<typeof original.eventOperations>[0]) => {
      const { listEvents: _unimplemented, ...rest } = original.eventOperations(ctx);
      return rest;
    },
  };
});

describe('an operation of the spec without an implementation', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('does not keep the server from starting: it answers 501 problem+json naming the operation', async () => {
    const res = await s.call('GET', '/v1/events');
    expect(res.status).toBe(501);
    expect(res.type).toContain('application/problem+json');
    expect(res.json).toMatchObject({ status: 501, code: 'not_implemented', type: 'urn:hookspec:problem:not_implemented', instance: '/v1/events' });
    expect(res.json.detail).toContain('GET /v1/events (operation listEvents)');
  });

  it('leaves the implemented operations alone', async () => {
    expect((await s.call('GET', '/v1/event-types')).status).toBe(200);
    expect((await s.call('POST', '/v1/events', { type: 'ping', data: { message: 'hi' } })).status).toBe(202);
  });

  it('still validates and authenticates the request first', async () => {
    expect((await fetch(`${s.url}/v1/events`)).status).toBe(401);
    expect((await s.call('GET', '/v1/events?limit=0')).status).toBe(400);
  });
});
