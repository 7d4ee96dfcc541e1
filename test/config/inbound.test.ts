import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { loadConfig } from '../../src/config/index.js';
import { generateSecret } from '../../src/outbound/secrets.js';

describe('HOOKSPEC_RECEIVER_SECRET', () => {
  it('accepts whsec_ secrets, raw base64 and unpadded base64, in a rotation list', () => {
    const secrets = [generateSecret(), Buffer.from('a raw twenty-four byte k').toString('base64'), 'whsec_' + Buffer.from('unpadded!').toString('base64').replace(/=+$/, '')];
    expect(loadConfig({ HOOKSPEC_RECEIVER_SECRET: secrets.join(', ') }).inbound.secrets.standard).toEqual(secrets);
    // The same strings are keys the providers' own library accepts.
    for (const s of secrets) expect(() => new Webhook(s)).not.toThrow();
  });

  it.each(['whsec_not base64!', 'my-passphrase', 'whsec_abcde'])('%j: the one-line startup error, naming the entry but not its value', (bad) => {
    const run = () => loadConfig({ HOOKSPEC_RECEIVER_SECRET: `${generateSecret()},${bad}` });
    expect(run).toThrow('HOOKSPEC_RECEIVER_SECRET entry 2 must be whsec_ followed by base64 (a Standard Webhooks secret)');
    expect(run).not.toThrow(bad);
  });
});
