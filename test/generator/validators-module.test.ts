import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers.js';

/** The committed golden validator module of mini.yaml, loaded the way plain Node loads it. */
const validators = createRequire(import.meta.url)(join(FIXTURES, 'mini.golden', 'validators.cjs')) as typeof import('../../generated/validators.js');

const thing = { id: 'thg_1', name: 'one' };
const envelope = { type: 'thing.created', timestamp: '2026-01-01T00:00:00Z', data: thing };

describe('generated validator module', () => {
  it.each([
    ['valid envelope', envelope, { ok: true }],
    ['missing member points at the member', { ...envelope, data: { id: 'thg_1' } }, { ok: false, errors: [{ pointer: '/data/name', keyword: 'required', message: "must have required property 'name'" }] }],
    ['extra member points at the member', { ...envelope, data: { ...thing, 'a/b': 1 } }, { ok: false, errors: [{ pointer: '/data/a~1b', keyword: 'additionalProperties', message: 'must NOT have additional properties' }] }],
    ['format is asserted', { ...envelope, timestamp: 'yesterday' }, { ok: false, errors: [{ pointer: '/timestamp', keyword: 'format', message: 'must match format "date-time"' }] }],
    ['const type', { ...envelope, type: 'ping' }, { ok: false, errors: [{ pointer: '/type', keyword: 'const', message: 'must be equal to constant' }] }],
    ['every error is reported', { type: 'x', timestamp: 1 }, { ok: false, errors: [expect.objectContaining({ pointer: '/data' }), expect.objectContaining({ pointer: '/type' }), expect.objectContaining({ pointer: '/timestamp' })] }],
  ])('%s', (_name, payload, want) => {
    expect(validators.validateWebhook('thing.created', payload)).toEqual(want);
  });

  it('treats OpenAPI keywords (xml, example, discriminator mapping, x-*) and unknown formats as annotations', () => {
    const owner = { login: 'a', email: 'a@example.org', size: 3 };
    expect(validators.validateWebhook('thing.created', { ...envelope, data: { ...thing, owner } })).toEqual({ ok: true });
    expect(validators.validateWebhook('thing.created', { ...envelope, data: { ...thing, owner: null } })).toEqual({ ok: true });
    expect(validators.validateWebhook('thing.created', { ...envelope, data: { ...thing, owner: { email: 'nope' } } }).ok).toBe(false);
  });

  it('answers an unknown name with an `unknown` error instead of throwing', () => {
    expect(validators.validateWebhook('__proto__', {})).toEqual({ ok: false, errors: [{ pointer: '', keyword: 'unknown', message: 'unknown webhook "__proto__"' }] });
    expect(validators.validateRequestBody('nope', {}).ok).toBe(false);
  });

  it('never throws, even when reading the value throws', () => {
    const hostile = { ...envelope, get data(): unknown { throw new Error('boom'); } };
    expect(validators.validateWebhook('thing.created', hostile)).toEqual({ ok: false, errors: [{ pointer: '', keyword: 'exception', message: 'boom' }] });
  });

  it('validates request bodies by operationId', () => {
    expect(validators.validateRequestBody('createThing', thing)).toEqual({ ok: true });
    expect(validators.validateRequestBody('createThing', { ...thing, name: '' }).ok).toBe(false);
  });

  it('coerces parameter strings to their declared types, as query strings and headers arrive', () => {
    const params = { path: { id: 'thg_9' }, query: { limit: '20' }, header: { 'idempotency-key': 'k' } };
    expect(validators.validateParameters('getThing', params)).toEqual({ ok: true });
    expect(params.query.limit).toBe(20);
    expect(validators.validateParameters('getThing', { path: { id: 'nope' }, query: { limit: '500' } })).toMatchObject({
      ok: false,
      errors: [{ pointer: '/path/id', keyword: 'pattern' }, { pointer: '/query/limit', keyword: 'maximum' }],
    });
    expect(validators.validateParameters('getThing', {})).toMatchObject({ ok: false, errors: [{ pointer: '/path/id', keyword: 'required' }] });
  });

  it('lists its names', () => {
    expect(validators.webhookNames).toEqual(['ping', 'thing.created']);
    expect(validators.bodyOperationIds).toEqual(['createThing', 'receiveGithubWebhook']);
    expect(validators.parameterOperationIds).toEqual(['getThing']);
  });
});
