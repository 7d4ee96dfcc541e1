import { describe, expect, it } from 'vitest';
import { createAjv } from '../../generator/emit/validators/ajv.js';
import { dedupeSchemas, SHARED_KEY } from '../../generator/emit/validators/dedupe.js';
import { DOC_ID } from '../../generator/emit/validators/entries.js';

const address = { type: 'object', required: ['city'], properties: { city: { type: 'string' }, zip: { type: 'string', pattern: '^[0-9]{5}$' } } };
const named = { properties: { name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } };

/** Duplicated subtrees in the shapes that could change meaning when moved behind a `$ref`. */
const doc = {
  openapi: '3.1.1',
  components: {
    schemas: {
      Person: { type: 'object', properties: { home: address, work: address, self: { $ref: '#/components/schemas/Person' } } },
      Strict: { allOf: [named, { properties: { id: { type: 'integer' } } }], unevaluatedProperties: false },
      Strict2: { allOf: [named], unevaluatedProperties: false },
      Tuple: { type: 'array', prefixItems: [address, { type: 'boolean' }], items: false },
      Either: { oneOf: [address, { type: 'null' }] },
      Conditional: { if: { properties: { kind: { const: 'a' } } }, then: { required: ['a'] }, else: address },
      Pinned: { $id: 'https://example.org/pinned', type: 'object', properties: { a: address, b: address } },
    },
  },
};

const VALUES: unknown[] = [
  null,
  {},
  [],
  'x',
  { city: 'Paris' },
  { city: 'Paris', zip: '750' },
  { home: { city: 'Rome' }, work: { zip: 'x' } },
  { home: { city: 'Rome' }, self: { work: { city: 1 } } },
  { name: 'n', tags: ['a'], id: 1 },
  { name: 'n', tags: ['a'], extra: true },
  { name: 'n', id: 'one' },
  [{ city: 'Oslo' }, true],
  [{ city: 'Oslo' }, true, 'extra'],
  [{ zip: '12345' }, false],
  { kind: 'a' },
  { kind: 'a', a: 1 },
  { kind: 'b', city: 'Lima' },
  { a: { city: 'x' }, b: { city: 2 } },
];

function verdicts(source: Record<string, unknown>): string[] {
  const ajv = createAjv('payload', [], false);
  ajv.addSchema(source, DOC_ID);
  return Object.keys(doc.components.schemas).flatMap((name) => {
    const validate = ajv.compile({ $ref: `${DOC_ID}#/components/schemas/${name}` });
    return VALUES.map((v) => `${name} ${JSON.stringify(v)}: ${validate(v) ? 'valid' : (validate.errors ?? []).map((e) => `${e.instancePath}:${e.keyword}`).join(',')}`);
  });
}

describe('dedupeSchemas', () => {
  const deduped = dedupeSchemas(doc);

  it('hoists repeated subtrees into shared refs', () => {
    const shared = deduped[SHARED_KEY] as Record<string, unknown>;
    expect(Object.values(shared)).toContainEqual(address);
    expect(JSON.stringify(deduped)).toContain(`"$ref":"#/${SHARED_KEY}/`);
  });

  it('leaves subtrees with $id in place (moving them would change their base URI)', () => {
    const pinned = (deduped.components as { schemas: Record<string, { properties: Record<string, unknown> }> }).schemas.Pinned;
    expect(pinned?.properties.a).toEqual(address);
  });

  it('gives the same verdicts and errors as the original document on every value', () => {
    expect(verdicts(deduped)).toEqual(verdicts(doc));
  });
});
