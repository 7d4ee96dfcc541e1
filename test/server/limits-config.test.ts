import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { readServerConfig } from '../../src/config/server.js';

describe.each([
  ['HOOKSPEC_REQUEST_TIMEOUT_MS', 'requestTimeoutMs', 30_000],
  ['HOOKSPEC_INBOUND_MAX_BUFFERED_BYTES', 'inboundMaxBufferedBytes', 64 * 1024 * 1024],
] as const)('%s', (name, field, fallback) => {
  it.each([
    ['unset: the default', undefined, fallback],
    ['empty: the default', '', fallback],
    ['1', '1', 1],
    ['500', '500', 500],
  ])('%s', (_label, given, want) => {
    expect(readServerConfig(given === undefined ? {} : { [name]: given })[field]).toBe(want);
  });

  it.each(['0', '-1', '1.5', 'abc', ' 5', '1e3', '0x10', '99999999999999999999'])('%j: the one-line startup error', (given) => {
    expect(() => loadConfig({ [name]: given })).toThrow(new Error(`${name} must be a positive integer (got "${given}")`));
  });
});

describe('HOOKSPEC_INBOUND_MAX_BUFFERED_BYTES below HOOKSPEC_INBOUND_MAX_BODY_BYTES', () => {
  it('refuses the configuration: a body at the limit could never be held', () => {
    expect(() => loadConfig({ HOOKSPEC_INBOUND_MAX_BODY_BYTES: '2000', HOOKSPEC_INBOUND_MAX_BUFFERED_BYTES: '1999' })).toThrow(
      new Error('HOOKSPEC_INBOUND_MAX_BUFFERED_BYTES (1999) must be at least HOOKSPEC_INBOUND_MAX_BODY_BYTES (2000)'),
    );
    expect(loadConfig({ HOOKSPEC_INBOUND_MAX_BODY_BYTES: '2000', HOOKSPEC_INBOUND_MAX_BUFFERED_BYTES: '2000' }).server.inboundMaxBufferedBytes).toBe(2000);
  });
});
