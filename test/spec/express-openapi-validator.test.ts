import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPEC_PATH } from './spec-ajv.js';

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(express.json());
  app.use(
    OpenApiValidator.middleware({
      apiSpec: SPEC_PATH,
      validateRequests: true,
      validateResponses: false,
      // Only the document is under test here: accept any non-empty bearer token.
      validateSecurity: { handlers: { apiKey: async () => true } },
      ignoreUndocumented: false,
    }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.post('/v1/events', (req, res) => {
    res.status(202).json({ id: 'evt_1', type: req.body.type, created_at: new Date().toISOString() });
  });
  app.post('/v1/subscriptions', (_req, res) => {
    res.status(201).json({});
  });
  app.use((err: { status?: number; message: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(err.status ?? 500).json({ status: err.status ?? 500, detail: err.message });
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const auth = { authorization: 'Bearer test-key', 'content-type': 'application/json' };

describe('openapi.yaml loads in express-openapi-validator 5.6.2', () => {
  it('serves /healthz through the validator', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('accepts a valid publish request', async () => {
    const res = await fetch(`${base}/v1/events`, {
      method: 'POST',
      headers: { ...auth, 'idempotency-key': 'k-1' },
      body: JSON.stringify({ type: 'ping', data: { message: 'hi' } }),
    });
    expect(res.status).toBe(202);
  });

  it('refuses a subscription without events, naming the field', async () => {
    const res = await fetch(`${base}/v1/subscriptions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ url: 'https://hooks.example.org/x' }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('events');
  });

  it('refuses /v1 without the bearer key', async () => {
    const res = await fetch(`${base}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'ping', data: {} }),
    });
    expect(res.status).toBe(401);
  });
});
