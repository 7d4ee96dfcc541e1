import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects, type Fixture } from './support/raw-db.js';

const NOW = new Date('2026-11-28T04:00:00.000Z');
const T = NOW.getTime();

describe.each(dialects)('queue statistics (%s)', (_name, open, available) => {
  let fx: Fixture;

  beforeEach(async () => {
    if (!available) return;
    fx = await open();
    const iso = NOW.toISOString();
    await fx.raw.run("INSERT INTO subscriptions (id, url, events, secrets, created_at, updated_at) VALUES ('sub_1', 'https://a.example/h', '[\"*\"]', '[]', ?, ?)", iso, iso);
    await fx.raw.run("INSERT INTO subscriptions (id, url, events, secrets, status, created_at, updated_at) VALUES ('sub_2', 'https://b.example/h', '[\"*\"]', '[]', 'disabled', ?, ?)", iso, iso);
    await fx.raw.run("INSERT INTO subscriptions (id, url, events, secrets, status, created_at, updated_at, deleted_at) VALUES ('sub_3', 'https://c.example/h', '[\"*\"]', '[]', 'disabled', ?, ?, ?)", iso, iso, iso);
    await fx.raw.run("INSERT INTO events (id, type, data_json, created_at) VALUES ('evt_1', 'ping', '{}', ?)", iso);
    const delivery = (id: string, status: string, nextAt: number | null) =>
      fx.raw.run("INSERT INTO deliveries (id, event_id, subscription_id, status, next_attempt_at, created_at, updated_at) VALUES (?, 'evt_1', 'sub_1', ?, ?, ?, ?)", id, status, nextAt, iso, iso);
    await delivery('dlv_due_old', 'pending', T - 90_000);
    await delivery('dlv_due_new', 'pending', T - 1_000);
    await delivery('dlv_later', 'pending', T + 60_000);
    await delivery('dlv_busy', 'delivering', null);
    await delivery('dlv_done', 'succeeded', null);
    await delivery('dlv_dead', 'dead', null);
  });

  afterEach(async () => {
    if (!available) return;
    await fx.raw.close();
    await fx.store.close();
    await fx.cleanup();
  });

  it.skipIf(!available)('counts due, scheduled and in-flight deliveries, the oldest wait and disabled subscriptions', async () => {
    expect(await fx.store.queueStats.queueStats(NOW)).toEqual({ due: 2, scheduled: 1, delivering: 1, oldestDueAgeMs: 90_000, disabledSubscriptions: 1 });
  });

  it.skipIf(!available)('reports no wait when nothing is due', async () => {
    const earlier = new Date(T - 100_000);
    expect(await fx.store.queueStats.queueStats(earlier)).toMatchObject({ due: 0, scheduled: 3, oldestDueAgeMs: 0 });
  });
});
