import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractCases } from '../../generated/contract/cases.js';
import { createContractRunner } from '../../src/testing/contract/runner.js';
import type { ContractTarget } from '../../src/testing/contract/runner.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { startOwnServer } from './own-server.js';

/**
 * Pointed at a server that has data of its own, the suite acts only on what it made and removes its subscriptions
 * at the end: a list answer used to hand it someone's subscription to rotate, disable and delete.
 */
describe('the contract suite against a server with data of its own', () => {
  let server: ContractTarget;
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${server.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, any> };
  };
  beforeAll(async () => {
    const tmp = makeTempDir('hookspec-contract-foreign-');
    server = await startOwnServer({ url: sqliteUrl(tmp.dir), drop: tmp.cleanup });
  }, 60_000);
  afterAll(() => server?.close?.());

  it('leaves an existing subscription as it was, and no subscription of its own behind', async () => {
    const theirs = await api('POST', '/v1/subscriptions', { url: 'http://127.0.0.1:9/theirs', events: ['ping'], description: 'production' });
    expect(theirs.status).toBe(201);
    const before = (await api('GET', `/v1/subscriptions/${theirs.json.id}`)).json;

    // The server is not the runner's to stop: its connect hands back one without close.
    const runner = createContractRunner({ connect: async () => ({ baseUrl: server.baseUrl, apiKey: server.apiKey, secrets: server.secrets }) });
    await runner.setup();
    try {
      for (const op of contractCases.operations) {
        // A list answer comes first, so a foreign id is the newest value the pool could have picked.
        await api('GET', '/v1/subscriptions');
        await runner.operation(op);
        if (op.allParameters) await runner.variant(op, op.allParameters);
      }
    } finally {
      await runner.teardown();
    }

    expect(await api('GET', `/v1/subscriptions/${theirs.json.id}`)).toEqual({ status: 200, json: before });
    const left = (await api('GET', '/v1/subscriptions?limit=100')).json.data.map((s: { id: string }) => s.id);
    expect(left).toEqual([theirs.json.id]);
  }, 120_000);
});
