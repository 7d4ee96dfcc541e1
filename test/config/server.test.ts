import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { readServerConfig } from '../../src/config/server.js';

describe('HOOKSPEC_HTTP_PROCESSES', () => {
  it.each([
    ['unset: one process, no cluster', undefined, 1],
    ['empty: the default', '', 1],
    ['1', '1', 1],
    ['4', '4', 4],
    ['auto: one per core', 'auto', availableParallelism()],
    ['AUTO', 'AUTO', availableParallelism()],
  ])('%s', (_name, given, want) => {
    expect(readServerConfig(given === undefined ? {} : { HOOKSPEC_HTTP_PROCESSES: given }).httpProcesses).toBe(want);
  });

  it.each(['0', '-1', '1.5', 'two', ' 2', '2x', '1e3', '0x10', '99999999999999999999'])('%j: the one-line startup error', (given) => {
    expect(() => loadConfig({ HOOKSPEC_HTTP_PROCESSES: given })).toThrow(
      new Error(`HOOKSPEC_HTTP_PROCESSES must be a positive integer or auto (got "${given}")`),
    );
  });
});

describe('HOOKSPEC_ROLE', () => {
  it.each([
    [undefined, 'all'],
    ['api', 'api'],
    ['worker', 'worker'],
  ] as const)('%s → %s', (given, want) => {
    expect(readServerConfig(given === undefined ? {} : { HOOKSPEC_ROLE: given }).role).toBe(want);
  });

  it('anything else: the startup error naming the variable', () => {
    expect(() => readServerConfig({ HOOKSPEC_ROLE: 'both' })).toThrow('HOOKSPEC_ROLE must be api, worker or all (got "both")');
  });
});

describe('HOOKSPEC_BODY_LOG_DIRECT_IO', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['true', true],
    ['false', false],
    ['0', false],
  ] as const)('%j → %s', (given, want) => {
    expect(readServerConfig(given === undefined ? {} : { HOOKSPEC_BODY_LOG_DIRECT_IO: given }).bodyLogDirectIo).toBe(want);
  });

  it('anything else: the startup error naming the variable', () => {
    expect(() => readServerConfig({ HOOKSPEC_BODY_LOG_DIRECT_IO: 'direct' })).toThrow('HOOKSPEC_BODY_LOG_DIRECT_IO must be true or false (got "direct")');
  });
});

describe('an empty value is the default, as in every other variable (`VAR=` in an .env file)', () => {
  it.each([
    ['HOOKSPEC_ROLE', 'role', 'all'],
    ['DATABASE_URL', 'databaseUrl', 'sqlite:data/hookspec.db'],
    ['HOST', 'host', '0.0.0.0'],
  ] as const)('%s=', (name, key, want) => {
    expect(readServerConfig({ [name]: '' })[key]).toBe(want);
    expect(loadConfig({ [name]: '' })).toEqual(loadConfig({}));
  });
});
