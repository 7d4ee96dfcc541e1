import express, { Router } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractCases } from '../../generated/contract/cases.js';
import { bindOperations, type OperationHandlers } from '../../generated/operations.js';
import { HttpError } from '../../src/errors/http-error.js';
import { problemFromError } from '../../src/errors/problem.js';
import { createContractRunner } from '../../src/testing/contract/runner.js';
import { randomSecrets } from '../../src/testing/signers.js';

/** How the stand-in server answers `POST /v1/events` for a system event: as before the rule, or refusing it. */
type Publish = OperationHandlers['publishEvent'];
const PUBLISHES: Publish = async ({ body }) => ({ status: 202, body: { id: 'evt_2f1c9a7b5d3e4f60', type: body.type, created_at: '2026-11-28T04:00:00Z' } });
const REFUSES: Publish = async ({ body }) => {
  throw new HttpError(422, 'reserved_event_type', `"${body.type}" is emitted by hookspec itself and cannot be published`);
};
const WRONG_CODE: Publish = async () => {
  throw new HttpError(422, 'unknown_event_type', 'not an event type of the catalog');
};

describe('contract cases of system webhooks (x-hookspec-system)', () => {
  const system = contractCases.webhooks.filter((w) => w.system);
  let server: Server;
  let baseUrl = '';
  let publish: Publish = PUBLISHES;

  beforeAll(async () => {
    const notHere = (name: string) => async () => {
      throw new HttpError(501, 'not_implemented', `${name} is not part of this test`);
    };
    const handlers = new Proxy({}, { get: (_t, name: string) => (name === 'publishEvent' ? ((...args: Parameters<Publish>) => publish(...args)) : notHere(name)) }) as OperationHandlers;
    const app = express();
    app.use(express.json());
    const router = Router();
    bindOperations(router, handlers);
    app.use(router);
    app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      const problem = problemFromError(err);
      res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const run = async (name: string): Promise<void> => {
    const runner = createContractRunner({ connect: async () => ({ baseUrl, apiKey: 'contract-test-key', secrets: randomSecrets() }) });
    await runner.setup();
    try {
      await runner.systemWebhook(system.find((w) => w.name === name)!);
    } finally {
      await runner.teardown();
    }
  };

  it('are the two events the worker emits, and the suite asserts their refusal instead of publishing them', () => {
    expect(system.map((w) => w.name)).toEqual(['delivery.exhausted', 'subscription.disabled']);
    expect(contractCases.webhooks.filter((w) => !w.system).map((w) => w.name)).toContain('ping');
  });

  it('fail against a server that publishes a forged subscription.disabled, saying so', async () => {
    publish = PUBLISHES;
    await expect(run('subscription.disabled')).rejects.toThrow(
      'webhook subscription.disabled is emitted by the server only (x-hookspec-system), but POST /v1/events with type subscription.disabled answered 202: anyone with the API key could forge it',
    );
  });

  it('fail when the refusal is not reserved_event_type', async () => {
    publish = WRONG_CODE;
    await expect(run('delivery.exhausted')).rejects.toThrow('webhook delivery.exhausted: POST /v1/events with type delivery.exhausted answered 422 with code "unknown_event_type", not reserved_event_type');
  });

  it('pass against a server that refuses them with 422 reserved_event_type', async () => {
    publish = REFUSES;
    for (const w of system) await expect(run(w.name)).resolves.toBeUndefined();
  });
});
