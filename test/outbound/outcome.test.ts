import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { decideOutcome } from '../../src/outbound/outcome.js';
import type { HttpAttempt } from '../../src/outbound/send.js';
import type { ClaimedDelivery } from '../../src/store/outbound-store.js';

/** What docs/guarantees.md promises, read from the document itself: the defaults must keep that promise. */
const GUARANTEES = readFileSync(new URL('../../docs/guarantees.md', import.meta.url), 'utf8');
const UNIT_MS: Record<string, number> = { s: 1_000, min: 60_000, h: 3_600_000 };
/** The "delay before it" row of the retry schedule table, in ms. */
const DOCUMENTED_SCHEDULE = /^\| delay before it \|(.+)\|$/m
  .exec(GUARANTEES)![1]!
  .split('|')
  .map((cell) => cell.trim())
  .map((cell) => {
    if (cell === 'immediately') return 0;
    const [, n, unit] = /^(\d+) (s|min|h)$/.exec(cell)!;
    return Number(n) * UNIT_MS[unit!]!;
  });

/** The defaults, as a server started without any setting has them. */
const config = loadConfig({}).outbound;
const FINISHED = new Date('2026-11-28T04:00:00.000Z');

function claimed(scheduleAttempt: number): ClaimedDelivery {
  return {
    id: 'dlv_1',
    attempt: scheduleAttempt,
    schedule_attempt: scheduleAttempt,
    lease_owner: 'wrk_test',
    lease_expires_at: FINISHED.getTime() + 60_000,
    event: { id: 'evt_1', type: 'order.created', data_json: '{}', created_at: FINISHED.toISOString() },
    subscription: { id: 'sub_1', url: 'https://example.com/hook', secrets: [], rate_limit_per_second: null },
  };
}

function answer(status: number | null, extra: Partial<HttpAttempt> = {}): HttpAttempt {
  return { status, body: null, retryAfter: undefined, location: undefined, error: null, errorKind: null, latencyMs: 5, ...extra };
}

/** The outcome of schedule attempt `n` answered with `http`, with the jitter draw `random` (0.5: no jitter). */
function decide(n: number, http: HttpAttempt, random = 0.5) {
  return decideOutcome(claimed(n), http, new Date(FINISHED.getTime() - 5), FINISHED, config, () => random);
}
const delayOf = (outcome: ReturnType<typeof decide>) => outcome.next_attempt_at!.getTime() - FINISHED.getTime();

describe('decideOutcome with the default settings (docs/guarantees.md)', () => {
  it('reads the 8-attempt schedule from the guarantees', () => {
    expect(DOCUMENTED_SCHEDULE).toEqual([0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
  });

  it.each([200, 201, 202, 204, 299])('%d is a success', (status) => {
    expect(decide(1, answer(status))).toMatchObject({ result: 'delivered', kind: 'succeeded', next_attempt_at: null });
  });

  it.each([
    [1, 2],
    [2, 3],
    [3, 4],
    [4, 5],
    [5, 6],
    [6, 7],
    [7, 8],
  ])('a failed attempt %d is retried after the documented delay before attempt %d', (n, next) => {
    const outcome = decide(n, answer(500));
    expect(outcome).toMatchObject({ result: 'retry', kind: 'failed', error: 'HTTP 500' });
    expect(delayOf(outcome)).toBe(DOCUMENTED_SCHEDULE[next - 1]);
  });

  it('the 8th failed attempt is dead: no 9th', () => {
    expect(decide(8, answer(500))).toMatchObject({ result: 'dead', next_attempt_at: null });
    expect(decide(8, answer(null, { error: 'timed out after 15000 ms', errorKind: 'timeout' }))).toMatchObject({ result: 'dead', kind: 'timeout' });
  });

  it('spreads each delay by ±20 %, and only that far', () => {
    // Attempt 3 waits 5 min: 4 to 6 min at the ends of the jitter draw.
    expect(delayOf(decide(2, answer(500), 0))).toBe(240_000);
    expect(delayOf(decide(2, answer(500), 1))).toBe(360_000);
    const delays = Array.from({ length: 200 }, () => delayOf(decideOutcome(claimed(2), answer(500), FINISHED, FINISHED, config)));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(240_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(360_000);
    expect(new Set(delays).size).toBeGreaterThan(1);
  });

  it.each([429, 503])('%d with Retry-After in seconds waits that long instead of the schedule', (status) => {
    const outcome = decide(1, answer(status, { retryAfter: '120' }));
    expect(outcome).toMatchObject({ result: 'retry', kind: 'rate_limited' });
    expect(delayOf(outcome)).toBe(120_000);
  });

  it.each([429, 503])('%d with Retry-After as an HTTP date waits until then', (status) => {
    const date = new Date(FINISHED.getTime() + 600_000).toUTCString();
    expect(delayOf(decide(1, answer(status, { retryAfter: date })))).toBe(600_000);
  });

  it.each([
    ['0 seconds', '0', 1_000],
    ['a date in the past', new Date(FINISHED.getTime() - 60_000).toUTCString(), 1_000],
    ['a day', '86400', 3_600_000],
  ])('clamps a Retry-After of %s to between 1 s and 1 h', (_name, retryAfter, want) => {
    expect(delayOf(decide(1, answer(429, { retryAfter })))).toBe(want);
    expect(delayOf(decide(1, answer(503, { retryAfter })))).toBe(want);
  });

  // Both name FINISHED + 2 min (2026-11-28T04:02:00Z).
  it.each([
    ['the obsolete RFC 850 form', 'Saturday, 28-Nov-26 04:02:00 GMT'],
    ['asctime, which is in GMT without saying so', 'Sat Nov 28 04:02:00 2026'],
  ])('reads Retry-After in %s as an HTTP date', (_name, retryAfter) => {
    expect(delayOf(decide(1, answer(429, { retryAfter })))).toBe(120_000);
  });

  it.each(['-5', '1.5', '+30', 'Dec 25', '2030-01-01', '12/31/2099', 'Sun, 06 Nov 1994 08:49:37 PST'])(
    'ignores a Retry-After of %s, which is neither seconds nor an HTTP date, and follows the schedule',
    (retryAfter) => {
      expect(delayOf(decide(2, answer(429, { retryAfter })))).toBe(DOCUMENTED_SCHEDULE[2]);
    },
  );

  it('without a usable Retry-After, or on another status, the schedule applies', () => {
    expect(delayOf(decide(2, answer(429)))).toBe(DOCUMENTED_SCHEDULE[2]);
    expect(delayOf(decide(2, answer(503, { retryAfter: 'soon' })))).toBe(DOCUMENTED_SCHEDULE[2]);
    expect(delayOf(decide(2, answer(500, { retryAfter: '120' })))).toBe(DOCUMENTED_SCHEDULE[2]);
    // At the end of the schedule a Retry-After does not buy a 9th attempt.
    expect(decide(8, answer(429, { retryAfter: '10' }))).toMatchObject({ result: 'dead' });
  });

  it('a redirect is a failure that says it was not followed', () => {
    expect(decide(1, answer(301, { location: 'https://elsewhere.example/' }))).toMatchObject({
      result: 'retry',
      kind: 'failed',
      error: 'redirect to https://elsewhere.example/ not followed',
    });
    expect(decide(1, answer(300))).toMatchObject({ result: 'retry', kind: 'failed' });
  });

  it('an address the guard refuses at send time (DNS changed since subscribing) is a network_error attempt, retried', () => {
    const refused = answer(null, { error: 'evil.example resolves only to refused addresses: 127.0.0.1 (loopback)', errorKind: 'refused_address' });
    expect(decide(1, refused)).toMatchObject({ result: 'retry', kind: 'network_error', error: refused.error });
  });

  it('410 Gone is final and disables the subscription', () => {
    expect(decide(1, answer(410))).toMatchObject({ result: 'failed', kind: 'gone', next_attempt_at: null, disable_reason: 'gone' });
  });

  it('a failure asks the store to disable the subscription if it has been failing for 5 days', () => {
    expect(decide(1, answer(500)).disable_if_failing_since_before).toEqual(new Date(FINISHED.getTime() - 5 * 86_400_000));
  });
});
