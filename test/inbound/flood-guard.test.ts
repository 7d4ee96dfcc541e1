import { describe, expect, it } from 'vitest';
import { FloodGuard, MAX_TRACKED_SOURCES, PROBE_INTERVAL_MS } from '../../src/inbound/flood-guard.js';

describe('FloodGuard', () => {
  const setup = (threshold = 3, windowMs = 10_000) => {
    const clock = { now: 1_000_000 };
    return { clock, guard: new FloodGuard(threshold, windowMs, () => clock.now) };
  };

  it('blocks an address after `threshold` failures, with Retry-After until the window ends', () => {
    const { guard } = setup();
    for (let i = 0; i < 2; i++) guard.recordFailure('10.0.0.1');
    expect(guard.check('10.0.0.1')).toEqual({ allowed: true });
    guard.recordFailure('10.0.0.1');
    guard.check('10.0.0.1'); // the first probe after blocking is let through
    expect(guard.check('10.0.0.1')).toEqual({ allowed: false, retryAfterSec: 10 });
    expect(guard.check('10.0.0.2')).toEqual({ allowed: true });
  });

  it('lets one probe per interval through, and a verified probe lifts the block', () => {
    const { guard, clock } = setup();
    for (let i = 0; i < 3; i++) guard.recordFailure('a');
    expect(guard.check('a').allowed).toBe(true);
    expect(guard.check('a').allowed).toBe(false);
    clock.now += PROBE_INTERVAL_MS;
    expect(guard.check('a').allowed).toBe(true);
    guard.recordSuccess('a');
    expect(guard.check('a').allowed).toBe(true);
    expect(guard.check('a').allowed).toBe(true);
  });

  it('forgets failures after the window and unblocks after the block time', () => {
    const { guard, clock } = setup();
    guard.recordFailure('a');
    guard.recordFailure('a');
    clock.now += 10_001;
    guard.recordFailure('a');
    expect(guard.check('a').allowed).toBe(true);
    expect(guard.check('a').allowed).toBe(true);
    guard.recordFailure('a');
    guard.recordFailure('a');
    guard.check('a');
    expect(guard.check('a').allowed).toBe(false);
    clock.now += 10_001;
    expect(guard.check('a').allowed).toBe(true);
  });

  it('threshold 0 disables it', () => {
    const { guard } = setup(0);
    for (let i = 0; i < 100; i++) guard.recordFailure('a');
    expect(guard.check('a').allowed).toBe(true);
  });

  it('tracks a bounded number of addresses (a spoofed-address flood cannot grow memory)', () => {
    const { guard } = setup(1);
    for (let i = 0; i < MAX_TRACKED_SOURCES + 50; i++) guard.recordFailure(`s${i}`);
    expect((guard as unknown as { sources: Map<string, unknown> }).sources.size).toBe(MAX_TRACKED_SOURCES);
    guard.check(`s${MAX_TRACKED_SOURCES + 49}`);
    expect(guard.check(`s${MAX_TRACKED_SOURCES + 49}`).allowed).toBe(false);
    expect(guard.check('s0').allowed).toBe(true);
  });
});
