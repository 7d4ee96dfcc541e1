import express, { type NextFunction, type Request, type Response } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../src/errors/http-error.js';
import { bindOperations, operationRoutes, receiverRoutes, type OperationHandlers } from './fixtures/mini.golden/operations.js';

/** Handlers for mini.yaml's served operations, recording what they were given. */
const seen: unknown[] = [];
const handlers: OperationHandlers = {
  async getThing(input) {
    seen.push(input);
    if (input.params.id === 'thg_missing') throw new HttpError(404, 'not_found', 'no such thing');
    return { status: 200, body: { id: input.params.id, name: 'one' } };
  },
  async createThing(input) {
    return { status: 201, body: input.body, headers: { location: `/v1/things/${input.body.id}` } };
  },
  async getMetrics() {
    return { status: 200, body: 'hookspec_up 1\n' };
  },
};

describe('bindOperations (golden operations.ts of mini.yaml)', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(express.json());
    const router = express.Router();
    bindOperations(router, handlers);
    app.use(router);
    app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
      const status = err instanceof HttpError ? err.status : 500;
      res.status(status).json({ code: err instanceof HttpError ? err.code : 'internal' });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('routes path parameters, query and declared headers (by their spec names) to the handler', async () => {
    seen.length = 0;
    const res = await fetch(`${base}/v1/things/thg_1?limit=5`, { headers: { 'idempotency-key': 'k1', 'x-other': 'no' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 'thg_1', name: 'one' });
    expect(seen[0]).toMatchObject({ params: { id: 'thg_1' }, query: { limit: '5' }, headers: { 'Idempotency-Key': 'k1' } });
    expect(Object.keys((seen[0] as { headers: object }).headers)).toEqual(['Idempotency-Key']);
  });

  it('sends the status, headers and JSON body the handler returns', async () => {
    const res = await fetch(`${base}/v1/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'thg_2', name: 'two' }) });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/v1/things/thg_2');
    expect(await res.json()).toEqual({ id: 'thg_2', name: 'two' });
  });

  it('sends text for a text/plain response', async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('hookspec_up 1\n');
  });

  it('passes a thrown HttpError to the error handler', async () => {
    const res = await fetch(`${base}/v1/things/thg_missing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'not_found' });
  });

  it('leaves receivers to the fast path and lists them with scheme and policy', async () => {
    expect(operationRoutes.map((r) => r.operationId)).toEqual(['getMetrics', 'createThing', 'getThing']);
    expect(receiverRoutes).toEqual([{ operationId: 'receiveGithubWebhook', method: 'post', path: '/webhooks/github', signature: 'github', policy: 'lenient' }]);
    expect((await fetch(`${base}/webhooks/github`, { method: 'POST' })).status).toBe(404);
  });

  it('refuses to bind when a handler is missing at run time', () => {
    const partial = { getThing: handlers.getThing } as unknown as OperationHandlers;
    expect(() => bindOperations(express.Router(), partial)).toThrow('no handler for operation');
  });
});
