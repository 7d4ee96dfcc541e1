import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFormats, createAjv } from '../../generator/emit/validators/ajv.js';
import { validateWebhook, webhookNames } from '../../generated/validators.js';
import { REPO } from './helpers.js';

interface Entry {
  name: string;
  operationId: string;
  summary: string;
  schema: Record<string, unknown>;
  example?: unknown;
  inbound?: { provider: string; event: string };
  system?: true;
}

const catalog = JSON.parse(readFileSync(join(REPO, 'generated', 'catalog.json'), 'utf8')) as Entry[];

describe('generated/catalog.json', () => {
  it('lists every webhook once, sorted by name, with summary and example', () => {
    expect(catalog.map((e) => e.name)).toEqual([...webhookNames]);
    expect([...catalog.map((e) => e.name)].sort()).toEqual(catalog.map((e) => e.name));
    for (const entry of catalog) {
      expect(entry.summary, entry.name).not.toBe('');
      expect(entry.example, entry.name).toBeDefined();
    }
  });

  it.each(catalog.map((e) => [e.name, e] as const))('%s: schema is self-contained and agrees with the compiled validator', (name, entry) => {
    expect(JSON.stringify(entry.schema)).not.toMatch(/"\$ref":"#\/(?!\$defs\/)/);
    const ajv = createAjv('payload', collectFormats(entry.schema), false);
    const validate = ajv.compile(entry.schema);
    expect(validate(entry.example)).toBe(true);
    expect(validateWebhook(name, entry.example)).toEqual({ ok: true });
    const broken = { ...(entry.example as object), data: 'not an object' };
    expect(validate(broken)).toBe(false);
    expect(validateWebhook(name, broken).ok).toBe(false);
  });

  it('marks the events only the server emits (x-hookspec-system), and writes nothing for the others', () => {
    expect(catalog.filter((e) => e.system === true).map((e) => e.name)).toEqual(['delivery.exhausted', 'subscription.disabled']);
    expect(catalog.filter((e) => 'system' in e && e.system !== true)).toEqual([]);
  });

  it('names the provider event of catalog entries fed by a receiver', () => {
    const inbound = Object.fromEntries(catalog.filter((e) => e.inbound).map((e) => [e.name, e.inbound]));
    expect(inbound['github.push']).toEqual({ provider: 'github', event: 'push' });
    expect(inbound['stripe.charge.succeeded']).toEqual({ provider: 'stripe', event: 'charge.succeeded' });
    expect(inbound['order.created']).toBeUndefined();
  });
});
