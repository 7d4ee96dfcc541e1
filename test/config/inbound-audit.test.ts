import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { DEFAULT_AUDIT_PER_SOURCE } from '../../src/config/inbound.js';

// [name, { given, want }]
const table: [string, { given: string | undefined; want: number }][] = [
  ['unset: a minute\'s budget of 60', { given: undefined, want: DEFAULT_AUDIT_PER_SOURCE }],
  ['empty: the default', { given: '', want: DEFAULT_AUDIT_PER_SOURCE }],
  ['a number', { given: '500', want: 500 }],
  ['0: no per-source limit', { given: '0', want: 0 }],
];

describe('HOOKSPEC_INBOUND_AUDIT_PER_SOURCE', () => {
  it('defaults to 60', () => {
    expect(DEFAULT_AUDIT_PER_SOURCE).toBe(60);
  });

  it.each(table)('%s', (_name, { given, want }) => {
    expect(loadConfig(given === undefined ? {} : { HOOKSPEC_INBOUND_AUDIT_PER_SOURCE: given }).inbound.auditPerSource).toBe(want);
  });

  it.each(['-1', 'many', '1.5'])('%j is refused at startup', (bad) => {
    expect(() => loadConfig({ HOOKSPEC_INBOUND_AUDIT_PER_SOURCE: bad })).toThrow('HOOKSPEC_INBOUND_AUDIT_PER_SOURCE must be a non-negative integer');
  });
});
