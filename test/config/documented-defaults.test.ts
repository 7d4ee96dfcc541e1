import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** `| \`NAME\` / \`_OTHER\` | \`a\` / \`b\` | meaning |` rows of the Settings table in docs/guarantees.md. */
function guaranteedSettings(): [string, string][] {
  const section = read('docs/guarantees.md').split('## Settings')[1]!;
  const rows: [string, string][] = [];
  for (const [, names, values] of section.matchAll(/^\| (`HOOKSPEC_[^|]+) \| ([^|]+) \|/gm)) {
    const [first, ...more] = [...names!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const defaults = [...values!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    // `HOOKSPEC_RETRY_AFTER_MIN_MS` / `_MAX_MS`: the second name replaces the tail of the first.
    const all = [first!, ...more.map((tail) => first!.slice(0, first!.length - tail.length) + tail)];
    all.forEach((name, i) => rows.push([name, defaults[i]!]));
  }
  return rows;
}

/** `NAME=value` lines of .env.example that show a value (unset ones have none). */
function exampleSettings(): [string, string][] {
  return [...read('.env.example').matchAll(/^([A-Z][A-Z0-9_]*)=(.+)$/gm)].map((m) => [m[1]!, m[2]!]);
}

/** Another valid value of the same kind, to show the variable is read at all. */
function otherValue(value: string): string {
  if (value === 'false') return 'true';
  if (value === 'true') return 'false';
  if (value.includes(',')) return `${value},1`;
  return String(Number(value) + 1);
}

const defaults = loadConfig({});

describe('the defaults the documents state are the defaults the server has', () => {
  const guaranteed = guaranteedSettings();

  it('reads every row of the guarantees\' settings table', () => {
    expect(guaranteed.length).toBeGreaterThanOrEqual(13);
    expect(guaranteed.map(([name]) => name)).toContain('HOOKSPEC_RETRY_AFTER_MAX_MS');
  });

  it.each(guaranteed)('docs/guarantees.md: %s defaults to %s, and setting it changes the configuration', (name, value) => {
    expect(loadConfig({ [name]: value }), `${name}=${value} is not the default`).toEqual(defaults);
    expect(loadConfig({ [name]: otherValue(value) }), `${name} is not read`).not.toEqual(defaults);
  });

  it.each(exampleSettings())('.env.example: %s=%s is the default', (name, value) => {
    expect(loadConfig({ [name]: value })).toEqual(defaults);
  });
});

describe('HOOKSPEC_LEASE_MS "must exceed the timeout by 2 s" (docs/guarantees.md)', () => {
  it('refuses a lease shorter than the delivery timeout + 2 s, naming both, and takes one exactly that long', () => {
    expect(() => loadConfig({ HOOKSPEC_LEASE_MS: '16999' })).toThrow(
      new Error('HOOKSPEC_LEASE_MS (16999) must be at least HOOKSPEC_DELIVERY_TIMEOUT_MS (15000) + 2000'),
    );
    expect(() => loadConfig({ HOOKSPEC_DELIVERY_TIMEOUT_MS: '118001' })).toThrow(/HOOKSPEC_LEASE_MS \(120000\) must be at least/);
    expect(loadConfig({ HOOKSPEC_LEASE_MS: '17000' }).outbound.leaseMs).toBe(17_000);
  });
});
