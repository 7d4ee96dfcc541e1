import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { MAX_RETENTION_DAYS, MAX_SHUTDOWN_DEADLINE_MS } from '../../src/config/ops.js';
import { MAX_HTTP_PROCESSES, MAX_TIMER_MS } from '../../src/config/server.js';
import { generateSecret } from '../../src/outbound/secrets.js';

/** The startup error of `env`, asserted to be one line. */
function refusal(env: NodeJS.ProcessEnv): string | undefined {
  try {
    loadConfig(env);
  } catch (err) {
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  return undefined;
}

const TOO_LONG = '3000000000';
const tooLong = (name: string, max = MAX_TIMER_MS) => `${name} must be at most ${max} ms (about 24.8 days, the longest timer node keeps) (got "${TOO_LONG}")`;

describe('millisecond settings past node\'s longest timer (2147483647 ms) are refused, not fired after 1 ms', () => {
  // Every _MS setting that ends up in a timer; the shutdown deadline leaves room for the 10 s hard-exit margins.
  const timers = [
    'HOOKSPEC_REQUEST_TIMEOUT_MS', 'HOOKSPEC_DELIVERY_TIMEOUT_MS', 'HOOKSPEC_LEASE_MS', 'HOOKSPEC_RETRY_AFTER_MIN_MS',
    'HOOKSPEC_RETRY_AFTER_MAX_MS', 'HOOKSPEC_POLL_INTERVAL_MS', 'HOOKSPEC_INBOUND_FLOOD_WINDOW_MS', 'HOOKSPEC_INBOUND_RETRY_BASE_MS',
    'HOOKSPEC_INBOUND_LEASE_MS', 'HOOKSPEC_HANDLER_TIMEOUT_MS', 'HOOKSPEC_INBOUND_POLL_MS', 'HOOKSPEC_PRUNE_INTERVAL_MS',
  ];
  it.each(timers)('%s=3000000000', (name) => {
    expect(refusal({ [name]: TOO_LONG })).toBe(tooLong(name));
  });

  it('HOOKSPEC_SHUTDOWN_DEADLINE_MS=3000000000, and one whose hard-exit timer (+ 10 s) would pass the limit', () => {
    expect(refusal({ HOOKSPEC_SHUTDOWN_DEADLINE_MS: TOO_LONG })).toBe(tooLong('HOOKSPEC_SHUTDOWN_DEADLINE_MS', MAX_SHUTDOWN_DEADLINE_MS));
    expect(refusal({ HOOKSPEC_SHUTDOWN_DEADLINE_MS: String(MAX_SHUTDOWN_DEADLINE_MS + 1) })).toMatch(/^HOOKSPEC_SHUTDOWN_DEADLINE_MS must be at most 2147473647 ms/);
    expect(loadConfig({ HOOKSPEC_SHUTDOWN_DEADLINE_MS: String(MAX_SHUTDOWN_DEADLINE_MS) }).ops.shutdownDeadlineMs).toBe(MAX_SHUTDOWN_DEADLINE_MS);
  });

  it('a HOOKSPEC_RETRY_SCHEDULE_MS entry, named by its position', () => {
    expect(refusal({ HOOKSPEC_RETRY_SCHEDULE_MS: `0,${TOO_LONG}` })).toBe(tooLong('HOOKSPEC_RETRY_SCHEDULE_MS entry 2'));
  });

  it('takes 2147483647 itself, and the settings that only date rows may be longer', () => {
    const max = String(MAX_TIMER_MS);
    const config = loadConfig({
      HOOKSPEC_INBOUND_POLL_MS: max, HOOKSPEC_POLL_INTERVAL_MS: max, HOOKSPEC_RETRY_SCHEDULE_MS: `0,${max}`, HOOKSPEC_RETRY_AFTER_MAX_MS: max,
      HOOKSPEC_DISABLE_AFTER_MS: TOO_LONG, HOOKSPEC_SECRET_GRACE_MS: TOO_LONG, HOOKSPEC_IDEMPOTENCY_TTL_MS: TOO_LONG,
    });
    expect(config.inbound.pollMs).toBe(MAX_TIMER_MS);
    expect(config.outbound).toMatchObject({ pollIntervalMs: MAX_TIMER_MS, retrySchedule: [0, MAX_TIMER_MS], retryAfterMaxMs: MAX_TIMER_MS, disableAfterMs: 3e9, secretGraceMs: 3e9, idempotencyTtlMs: 3e9 });
  });
});

describe('a 0 that would stop the work is refused, not quietly raised', () => {
  it.each(['HOOKSPEC_CLAIM_BATCH_SIZE', 'HOOKSPEC_POLL_INTERVAL_MS', 'HOOKSPEC_MAX_IN_FLIGHT', 'HOOKSPEC_SUBSCRIPTION_CONCURRENCY', 'HOOKSPEC_CONNECTIONS_PER_ORIGIN', 'HOOKSPEC_INBOUND_MAX_ATTEMPTS'])('%s=0', (name) => {
    expect(refusal({ [name]: '0' })).toBe(`${name} must be a positive integer (got "0")`);
  });

  it.each(['0', '9'])('HOOKSPEC_INBOUND_POLL_MS=%s (below 10 ms)', (value) => {
    expect(refusal({ HOOKSPEC_INBOUND_POLL_MS: value })).toBe(`HOOKSPEC_INBOUND_POLL_MS must be at least 10 ms (got "${value}")`);
    expect(loadConfig({ HOOKSPEC_INBOUND_POLL_MS: '10' }).inbound.pollMs).toBe(10);
  });
});

describe('HOOKSPEC_RETRY_SCHEDULE_MS entries are plain digits', () => {
  it.each([
    ['1e3,0x10, 7', 1, '1e3'], ['0,0x10', 2, '0x10'], [',', 1, ''], ['0,,5000', 2, ''], ['0,5000,', 3, ''], ['0,-1', 2, '-1'], ['0,1.5', 2, '1.5'],
  ])('%j: entry %i refused', (raw, position, entry) => {
    expect(refusal({ HOOKSPEC_RETRY_SCHEDULE_MS: raw })).toBe(`HOOKSPEC_RETRY_SCHEDULE_MS entry ${position} must be a non-negative integer in plain digits (got "${entry}" in "${raw}")`);
  });

  it('blanks around an entry are trimmed', () => {
    expect(loadConfig({ HOOKSPEC_RETRY_SCHEDULE_MS: ' 0, 5000 ,60000' }).outbound.retrySchedule).toEqual([0, 5000, 60000]);
  });
});

describe('receiver secrets', () => {
  it.each(['bad', 'changeme', Buffer.alloc(23, 7).toString('base64')])('HOOKSPEC_RECEIVER_SECRET=%j: base64 by chance, not a Standard Webhooks secret', (bad) => {
    const message = refusal({ HOOKSPEC_RECEIVER_SECRET: bad });
    expect(message).toBe('HOOKSPEC_RECEIVER_SECRET entry 1 must be whsec_ followed by base64 (a Standard Webhooks secret), or base64 of at least 24 bytes without whsec_');
    expect(message).not.toContain(bad);
  });

  it('raw base64 of 24 bytes is still a secret', () => {
    const raw = Buffer.alloc(24, 7).toString('base64');
    expect(loadConfig({ HOOKSPEC_RECEIVER_SECRET: raw }).inbound.secrets.standard).toEqual([raw]);
  });

  it.each([
    ['GITHUB_WEBHOOK_SECRET', 'a,', 2], ['STRIPE_WEBHOOK_SECRET', 'whsec_a,,whsec_b', 2], ['SLACK_SIGNING_SECRET', ',s', 1],
    ['HOOKSPEC_RECEIVER_SECRET', `${generateSecret()}, `, 2],
  ])('%s=%j: an empty entry is refused', (name, value, position) => {
    expect(refusal({ [name]: value })).toBe(`${name} entry ${position} is empty (a doubled or trailing comma?): list the secrets separated by single commas`);
  });

  it('unset, blank or only commas is still "no secret" (the receiver answers 503 naming it)', () => {
    expect(loadConfig({ GITHUB_WEBHOOK_SECRET: '', SLACK_SIGNING_SECRET: ' ', STRIPE_WEBHOOK_SECRET: ' , ' }).inbound.secrets).toMatchObject({ github: [], slack: [], stripe: [] });
    expect(loadConfig({ GITHUB_WEBHOOK_SECRET: 'a , b' }).inbound.secrets.github).toEqual(['a', 'b']);
  });
});

describe('HOOKSPEC_HTTP_PROCESSES has an upper bound', () => {
  it.each([String(MAX_HTTP_PROCESSES + 1), '3000000000'])('%s', (value) => {
    expect(refusal({ HOOKSPEC_HTTP_PROCESSES: value })).toBe(`HOOKSPEC_HTTP_PROCESSES must be at most 64, or auto for one per core (got "${value}")`);
  });

  it('takes 64', () => {
    expect(loadConfig({ HOOKSPEC_HTTP_PROCESSES: '64' }).server.httpProcesses).toBe(64);
  });
});

describe('HOOKSPEC_RETENTION_DAYS has the upper bound `hookspec prune` applies', () => {
  it.each(['100001', '200000'])('%s', (value) => {
    expect(refusal({ HOOKSPEC_RETENTION_DAYS: value })).toBe(`HOOKSPEC_RETENTION_DAYS must be at most 100000 (about 273 years), or 0 to keep everything (got "${value}")`);
  });

  it('takes 100000, and 0 (keep everything)', () => {
    expect(MAX_RETENTION_DAYS).toBe(100_000);
    expect(loadConfig({ HOOKSPEC_RETENTION_DAYS: '100000' }).ops.retentionDays).toBe(100_000);
    expect(loadConfig({ HOOKSPEC_RETENTION_DAYS: '0' }).ops.retentionDays).toBe(0);
  });
});

describe('settings that contradict each other', () => {
  it('HOOKSPEC_RETRY_AFTER_MIN_MS above HOOKSPEC_RETRY_AFTER_MAX_MS, naming both', () => {
    expect(refusal({ HOOKSPEC_RETRY_AFTER_MIN_MS: '5000', HOOKSPEC_RETRY_AFTER_MAX_MS: '4000' })).toBe('HOOKSPEC_RETRY_AFTER_MIN_MS (5000) must be at most HOOKSPEC_RETRY_AFTER_MAX_MS (4000)');
    expect(loadConfig({ HOOKSPEC_RETRY_AFTER_MIN_MS: '4000', HOOKSPEC_RETRY_AFTER_MAX_MS: '4000' }).outbound).toMatchObject({ retryAfterMinMs: 4000, retryAfterMaxMs: 4000 });
  });

  it('HOOKSPEC_INBOUND_POLICY naming one receiver twice', () => {
    expect(refusal({ HOOKSPEC_INBOUND_POLICY: 'receiveGithubWebhook=strict,receiveGithubWebhook=lenient' })).toBe('HOOKSPEC_INBOUND_POLICY names the receiver "receiveGithubWebhook" more than once');
  });
});

describe('HOOKSPEC_API_KEY', () => {
  it.each([' ', '\t', '   '])('%j (blank) is refused', (key) => {
    expect(refusal({ HOOKSPEC_API_KEY: key })).toBe('HOOKSPEC_API_KEY is blank: set a key, or leave it unset (every /v1 call is then refused)');
  });

  it.each([' key', 'key\n'])('%j (blanks around it, which no bearer token can match) is refused', (key) => {
    expect(refusal({ HOOKSPEC_API_KEY: key })).toBe('HOOKSPEC_API_KEY must not begin or end with blanks: no bearer token could match it');
  });

  it('unset or empty is still "no key"; a key is taken as given', () => {
    expect(loadConfig({}).server.apiKey).toBeUndefined();
    expect(loadConfig({ HOOKSPEC_API_KEY: '' }).server.apiKey).toBeUndefined();
    expect(loadConfig({ HOOKSPEC_API_KEY: 'k e y' }).server.apiKey).toBe('k e y');
  });
});
