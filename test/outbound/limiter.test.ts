import { describe, expect, it } from 'vitest';
import { SubscriptionLimiter } from '../../src/outbound/limiter.js';

/** Sends as fast as the limiter allows, in virtual time (1 ms steps over `ms`); the start time of each. */
function drive(limiter: SubscriptionLimiter, ms: number): number[] {
  const starts: number[] = [];
  for (let now = 0; now < ms; now++) {
    while (limiter.waitMs(now) === 0) {
      limiter.acquire(now);
      limiter.release();
      starts.push(now);
    }
  }
  return starts;
}

/** The most sends that started within any half-open second. */
function busiestSecond(starts: number[]): number {
  let most = 0;
  for (let i = 0, j = 0; j < starts.length; j++) {
    while (starts[j]! - starts[i]! >= 1000) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

describe('SubscriptionLimiter rate', () => {
  // [rate per second, most sends in any second, fewest sends in 10 s]
  it.each([
    [1, 1, 10],
    [2, 2, 20],
    [10, 10, 100],
    [100, 100, 1000],
  ])('%d/s: never more than that in any second, and no fewer than that on average', (rate, most, fewest) => {
    const starts = drive(new SubscriptionLimiter(1_000, rate, 0), 10_000);
    expect(busiestSecond(starts)).toBe(most);
    expect(starts.length).toBeGreaterThanOrEqual(fewest);
  });

  it.each([
    [0.5, 2000],
    [2.5, 400],
  ])('a fractional share (%d/s, PostgreSQL) spaces single sends %d ms apart', (rate, gap) => {
    const starts = drive(new SubscriptionLimiter(1_000, rate, 0), 10_000);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(gap);
    expect(starts.length).toBe(Math.floor(10_000 / gap));
  });

  it('a lowered rate still counts the sends already made', () => {
    const limiter = new SubscriptionLimiter(1_000, 10, 0);
    for (let i = 0; i < 10; i++) limiter.acquire(i);
    limiter.setRate(2);
    // The two latest sends (at 8 and 9 ms) fill the new window until 1008 ms.
    expect(limiter.waitMs(10)).toBe(998);
    limiter.setRate(null);
    expect(limiter.waitMs(10)).toBe(0);
  });

  it('a share of the limit shrinks when another worker is counted, and the sends already made still count', () => {
    const limiter = new SubscriptionLimiter(1_000, null, 0);
    limiter.setShare(2, 1);
    limiter.acquire(0);
    limiter.acquire(5);
    limiter.setShare(limiter.limit, 2);
    // One send a second now, and the latest one (at 5 ms) holds the window until 1005 ms.
    expect([limiter.rate, limiter.limit, limiter.waitMs(10)]).toEqual([1, 2, 995]);
    limiter.setShare(limiter.limit, 1);
    expect([limiter.rate, limiter.waitMs(1_005)]).toEqual([2, 0]);
  });

  it('concurrency caps sends in flight whatever the rate', () => {
    const limiter = new SubscriptionLimiter(2, null, 0);
    limiter.acquire(0);
    limiter.acquire(0);
    expect(limiter.waitMs(0)).toBe(Infinity);
    limiter.release();
    expect(limiter.waitMs(0)).toBe(0);
  });
});
