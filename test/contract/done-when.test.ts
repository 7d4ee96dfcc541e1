import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contractCases } from '../../generated/contract/cases.js';
import { generate } from '../../generator/index.js';
import { checkExample, createContractRunner } from '../../src/testing/contract/runner.js';
import { randomSecrets } from '../../src/testing/signers.js';
import { loadSpecDocument } from '../../src/testing/spec-document.js';
import { startStandInApi, type StandInApi } from '../support/stand-in-api.js';
import { makeTempDir } from '../support/temp-dir.js';

/**
 * The "done when", proved on temp copies (the real spec and handlers are never touched):
 * a required field added to a webhook schema without updating its example, and a handler answering a
 * status the spec does not list, each fail the contract suite naming the webhook/operation and the pointer.
 */
const SPEC = new URL('../../openapi.yaml', import.meta.url);

describe('a webhook schema that gains a required field its example lacks', () => {
  const tmp = makeTempDir('hookspec-contract-spec-');
  let cases: typeof contractCases;
  let suite: string;

  beforeAll(async () => {
    const doc = parse(readFileSync(SPEC, 'utf8')) as Record<string, any>;
    const order = doc.components.schemas.OrderCreated;
    order.properties.warehouse_id = { type: 'string' };
    order.required.push('warehouse_id');
    // A new event type with an example, and one without: the first gets cases, the second is named as a gap.
    const shipped = structuredClone(doc.webhooks['order.created']);
    shipped.post.operationId = 'orderShipped';
    shipped.post.requestBody.content['application/json'].schema.properties.type = { const: 'order.shipped' };
    shipped.post.requestBody.content['application/json'].examples = { shipped: { value: { type: 'order.shipped', timestamp: '2026-11-28T04:00:00Z', data: { order_id: 'ord_1' } } } };
    doc.webhooks['order.shipped'] = shipped;
    const bare = structuredClone(doc.webhooks.ping);
    bare.post.operationId = 'orderArchived';
    delete bare.post.requestBody.content['application/json'].examples;
    doc.webhooks['order.archived'] = bare;
    mkdirSync(join(tmp.dir, 'spec'));
    writeFileSync(join(tmp.dir, 'spec', 'openapi.yaml'), JSON.stringify(doc));
    await generate({ spec: join(tmp.dir, 'spec', 'openapi.yaml'), out: join(tmp.dir, 'out'), cacheDir: false, parallel: false });
    cases = ((await import(join(tmp.dir, 'out', 'contract', 'cases.ts'))) as { contractCases: typeof contractCases }).contractCases;
    suite = readFileSync(join(tmp.dir, 'out', 'contract', 'suite.ts'), 'utf8');
  }, 60_000);
  afterAll(() => tmp.cleanup());

  it('fails the example case of order.created, naming the webhook and the JSON pointer', () => {
    const spec = loadSpecDocument(join(tmp.dir, 'out', 'openapi.json'));
    const example = cases.examples.find((e) => e.owner === 'order.created' && e.site.startsWith('#/webhooks/order.created/'));
    expect(example).toBeDefined();
    expect(suite).toContain(JSON.stringify(`order.created: ${example?.site}`));
    expect(() => checkExample(spec, example!)).toThrow(/^order\.created: the example at #\/webhooks\/order\.created\/post\/requestBody\/content\/application~1json\/examples\/order .*\/data\/warehouse_id must have required property 'warehouse_id'/);
  });

  it('the same example still passes against the unchanged spec (the check is not always failing)', () => {
    const example = contractCases.examples.find((e) => e.owner === 'order.created' && e.site.startsWith('#/webhooks/order.created/'));
    expect(() => checkExample(loadSpecDocument(), example!)).not.toThrow();
  });

  it('a new event type gets its contract cases from make generate alone; one without an example is a named gap', () => {
    expect(cases.webhooks.map((w) => w.name)).toContain('order.shipped');
    expect(suite).toContain('"webhook order.shipped"');
    expect(cases.gaps).toEqual([{ kind: 'webhook', name: 'order.archived', reason: 'its request body has no example to publish' }]);
  });
});

describe('a handler that answers a status the spec does not list', () => {
  let api: StandInApi;
  let baseUrl = '';
  const subscription = {
    id: 'sub_3b9d2f7a1c5e4d80', url: 'https://hooks.example.org/orders', events: ['order.created'], description: '', status: 'active',
    disabled_reason: null, rate_limit_per_second: null, metadata: {}, secret: 'whsec_…abcd', created_at: '2026-11-28T04:00:00Z', updated_at: '2026-11-28T04:00:00Z',
  };
  /** Deliberately wrong: getSubscription answers 201, updateSubscription a body without `secret`; the rest is not implemented. */
  const wrong: Record<string, () => Promise<unknown>> = {
    getSubscription: async () => ({ status: 201, body: subscription }),
    updateSubscription: async () => ({ status: 200, body: { ...subscription, secret: undefined } }),
  };

  beforeAll(async () => {
    api = await startStandInApi((name) => wrong[name]);
    baseUrl = api.baseUrl;
  });
  afterAll(() => api.close());

  const run = async (operationId: string, negativeKind?: string): Promise<void> => {
    const runner = createContractRunner({ connect: async () => ({ baseUrl, apiKey: 'contract-test-key', secrets: randomSecrets() }) });
    await runner.setup();
    try {
      const op = contractCases.operations.find((o) => o.operationId === operationId)!;
      const negative = op.negatives.find((n) => n.kind === negativeKind);
      await (negative ? runner.negative(op, negative) : runner.operation(op));
    } finally {
      await runner.teardown();
    }
  };

  it('fails getSubscription, naming the operation and the pointer of its responses', async () => {
    await expect(run('getSubscription')).rejects.toThrow(
      'getSubscription: GET /v1/subscriptions/sub_3b9d2f7a1c5e4d80 answered 201, which #/paths/~1v1~1subscriptions~1{id}/get/responses does not list (it lists 200, 400, 401, 404)',
    );
  });

  it('fails a negative case the handler accepts, naming the operation and the expected 4xx', async () => {
    await expect(run('updateSubscription', 'wrong-type')).rejects.toThrow('updateSubscription: PATCH /v1/subscriptions/sub_3b9d2f7a1c5e4d80 answered 200; expected 400 or 422');
  });

  it('fails a 200 whose body misses a required field, naming the operation and the JSON pointer', async () => {
    await expect(run('updateSubscription')).rejects.toThrow("updateSubscription: PATCH /v1/subscriptions/sub_3b9d2f7a1c5e4d80 answered 200; the response body does not match #/components/responses/Subscription/content/application~1json/schema: /secret must have required property 'secret' (required)");
  });
});
