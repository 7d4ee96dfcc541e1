import { afterEach, describe, expect, it, vi } from 'vitest';
import { JOIN_WAIT_MS, LIVE_WINDOW_MS, RateShare } from '../../src/outbound/rate-share.js';
import type { OutboundStore } from '../../src/store/outbound-store.js';

/** A store whose heartbeat answers `counts` in turn, recording every call. */
function beatingStore(counts: number[]) {
  const beats: { owner: string; seenAt: number }[] = [];
  const store = {
    heartbeat: async (owner: string, seenAt: Date) => {
      beats.push({ owner, seenAt: seenAt.getTime() });
      return counts.shift() ?? 1;
    },
  } as unknown as OutboundStore;
  return { store, beats };
}

describe('RateShare: when a worker may start rate-limited sends', () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    ['alone at its first heartbeat: at once', 1, 0],
    ['joining live workers: after they have all beaten and their larger shares left the window', 3, JOIN_WAIT_MS],
  ])('%s', async (_name, workers, wait) => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { store } = beatingStore([workers]);
    const share = new RateShare(store, 'wrk_a', () => {});
    expect(share.waitMs(Date.now())).toBe(Infinity);
    await share.start();
    expect([share.workers, share.waitMs(Date.now())]).toEqual([workers, wait]);
    await share.stop();
  });

  it('learns of a new worker from its next heartbeat, and stops sending when its own heartbeat lapses', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { store } = beatingStore([1, 2]);
    let changes = 0;
    const share = new RateShare(store, 'wrk_a', () => changes++);
    await share.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect([share.workers, share.waitMs(Date.now()), changes]).toEqual([2, 0, 2]);
    await share.stop();
    expect(share.waitMs(Date.now() + LIVE_WINDOW_MS + 1)).toBe(Infinity);
  });

  it('a stopping worker dates its heartbeat back, so the others count it only until its last sends leave the window', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { store, beats } = beatingStore([2]);
    const share = new RateShare(store, 'wrk_a', () => {});
    await share.start();
    await share.stop();
    const counted = beats[1]!.seenAt + LIVE_WINDOW_MS - Date.now();
    expect(counted).toBeGreaterThanOrEqual(1_000);
    expect(counted).toBeLessThan(JOIN_WAIT_MS);
  });
});
