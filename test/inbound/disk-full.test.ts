import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { mountTinyDisk } from '../support/tiny-disk.js';
import { post, signed, startHarness, type Harness } from './support/harness.js';

const disk = mountTinyDisk('hookspec-disk-full-');
const DATABASE_URL = `sqlite:${disk.dir}/hookspec.db`;
const FILLER = `${disk.dir}/filler`;
// 40 KB bodies fill the disk in a few dozen deliveries.
const BODY = JSON.stringify({ zen: 'Keep it logically awesome. '.repeat(1500), hook_id: 1 });

let h: Harness | undefined;
beforeAll(async () => {
  if (!disk.mounted) return;
  // Space to give back once the disk is full, to see the receiver take deliveries again.
  writeFileSync(FILLER, Buffer.alloc(512 * 1024));
  h = await startHarness({}, { databaseUrl: DATABASE_URL });
});
afterAll(async () => {
  await h?.close();
  disk.release();
});

async function sendUntilRefused(prefix: string, max: number) {
  const acked: string[] = [];
  const refused: { status: number; retryAfter: string | null; body: any }[] = [];
  for (let i = 0; i < max && refused.length < 5; i++) {
    const id = `${prefix}-${i}`;
    const res = await post(h!.url, await signed.github(BODY, 'ping', id));
    if (res.status === 200) acked.push(id);
    else refused.push({ status: res.status, retryAfter: res.headers.get('retry-after'), body: res.body });
  }
  return { acked, refused };
}

describe.skipIf(!disk.mounted)('a full disk: the receiver answers 503, never a 2xx for what it could not store', () => {
  it('refuses with 503 store_unavailable + Retry-After once the disk is full, and stays up', async () => {
    const { acked, refused } = await sendUntilRefused('full', 400);
    expect(acked.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/), body: { code: 'store_unavailable' } });
    // Every delivery that got its 2xx is in the log, and nothing else is.
    const stored = (await h!.store.inbound.listDeliveries({ limit: 1000 })).map((d) => d.deliveryId);
    expect(stored.sort()).toEqual([...acked].sort());
  });

  it('takes deliveries again once space is freed, and after a restart every acknowledged one is there', async () => {
    rmSync(FILLER);
    const { acked } = await sendUntilRefused('again', 5);
    expect(acked.length).toBe(5);
    const before = (await h!.store.inbound.listDeliveries({ limit: 1000 })).map((d) => d.deliveryId);
    expect(before).toEqual(expect.arrayContaining(acked));
    await h!.close();
    h = undefined;
    const reopened = await openStore(DATABASE_URL);
    try {
      const after = await reopened.inbound.listDeliveries({ limit: 1000 });
      expect(after.map((d) => d.deliveryId).sort()).toEqual([...before].sort());
      // The bodies are readable too: the row is not all that was kept.
      const one = await reopened.inbound.getDelivery(after[0]!.id);
      expect(one?.body?.toString()).toBe(BODY);
    } finally {
      await reopened.close();
    }
  });
});
