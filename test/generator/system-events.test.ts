import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../generator/load/check.js';
import { buildModel } from '../../generator/model/index.js';
import { checkWebhookMarkers } from '../../generator/model/webhooks-object.js';
import { systemEventTypes } from '../../generated/aliases.js';
import { OPERATIONAL_EVENT_TYPES } from '../../src/outbound/worker.js';

const POST = { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '200': { description: 'ok' } } };

/** A document with one webhook `a.b`; `operation` and `item` add fields to its POST and its path item. */
function spec(operation: Record<string, unknown>, item: Record<string, unknown> = {}): Record<string, unknown> {
  return { openapi: '3.1.1', info: { title: 't', version: '1' }, webhooks: { 'a.b': { ...item, post: { ...POST, ...operation } } } };
}

/** [name, { given document, want: is `a.b` a system event }] */
const CASES: [string, { given: Record<string, unknown>; want: boolean }][] = [
  ['no marker', { given: spec({}), want: false }],
  ['true on the operation', { given: spec({ 'x-hookspec-system': true }), want: true }],
  ['false on the operation', { given: spec({ 'x-hookspec-system': false }), want: false }],
  ['true on the path item', { given: spec({}, { 'x-hookspec-system': true }), want: true }],
  ['the operation overrides its path item', { given: spec({ 'x-hookspec-system': false }, { 'x-hookspec-system': true }), want: false }],
  [
    'true on a path item behind a $ref',
    {
      given: {
        ...spec({}),
        webhooks: { 'a.b': { $ref: '#/components/pathItems/AB' } },
        components: { pathItems: { AB: { 'x-hookspec-system': true, post: POST } } },
      },
      want: true,
    },
  ],
];

describe('x-hookspec-system', () => {
  it.each(CASES)('%s', (_name, { given, want }) => {
    checkSpec(given, 'spec.yaml');
    const model = buildModel(given);
    expect(model.webhooks.map((w) => [w.name, w.system])).toEqual([['a.b', want]]);
    expect(checkWebhookMarkers(model.doc, model.webhooks)).toEqual([]);
  });

  it('marks every event the worker emits in openapi.yaml, so the API refuses to publish it', () => {
    expect([...OPERATIONAL_EVENT_TYPES].filter((type) => !(systemEventTypes as readonly string[]).includes(type))).toEqual([]);
    expect([...systemEventTypes]).toEqual(['delivery.exhausted', 'subscription.disabled']);
  });
});
