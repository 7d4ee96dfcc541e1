import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractCases } from '../../generated/contract/cases.js';
import type { OperationHandlers } from '../../generated/operations.js';
import { HttpError } from '../../src/errors/http-error.js';
import { createContractRunner } from '../../src/testing/contract/runner.js';
import { randomSecrets } from '../../src/testing/signers.js';
import { startStandInApi, type StandInApi } from '../support/stand-in-api.js';

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
  let api: StandInApi;
  let baseUrl = '';
  let publish: Publish = PUBLISHES;

  beforeAll(async () => {
    api = await startStandInApi((name) => (name === 'publishEvent' ? (...args: Parameters<Publish>) => publish(...args) : undefined));
    baseUrl = api.baseUrl;
  });
  afterAll(() => api.close());

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
