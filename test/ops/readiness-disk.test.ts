import { rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { startHookspec, type RunningHookspec } from '../../src/server/start.js';
import { makeTempDir, sqliteUrl } from '../support/temp-dir.js';
import { mountTinyDisk } from '../support/tiny-disk.js';

const MIB = 1024 * 1024;
const env = (dir: string, extra: Record<string, string> = {}) => ({
  DATABASE_URL: sqliteUrl(dir), PORT: '0', HOST: '127.0.0.1', HOOKSPEC_API_KEY: 'test-key', HOOKSPEC_PRUNE_INTERVAL_MS: '0', ...extra,
});

/** The value of hookspec_database_disk_free_bytes on /metrics, or undefined when it is not exposed. */
async function diskFreeGauge(url: string): Promise<number | undefined> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = /^hookspec_database_disk_free_bytes (\S+)$/m.exec(text);
  return line ? Number(line[1]) : undefined;
}

async function readiness(url: string) {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { checks: Record<string, string>; detail?: string } };
}

const disk = mountTinyDisk('hookspec-ready-disk-', 8);
const filler = join(disk.dir, 'filler');

describe.skipIf(!disk.mounted)('readiness and the free space on the database disk (a real 8 MiB tmpfs)', () => {
  let running: RunningHookspec;
  beforeAll(async () => {
    running = await startHookspec(loadConfig(env(disk.dir, { HOOKSPEC_READY_MIN_FREE_MB: '2' })));
  });
  afterAll(async () => {
    await running?.close();
  });

  it('is ready while the disk has the configured space free', async () => {
    const { status, body } = await readiness(running.url);
    expect(status).toBe(200);
    expect(body.checks).toMatchObject({ database: 'ok', migrations: 'ok', disk: 'ok' });
  });

  it('answers 503 naming the free space and the setting once less is free, and is ready again once space is freed', async () => {
    const { bavail, bsize } = statfsSync(disk.dir);
    // Leaves about 1 MiB: below the 2 MiB asked for, while writes still have room.
    writeFileSync(filler, Buffer.alloc(bavail * bsize - MIB));
    const full = await readiness(running.url);
    expect(full.status).toBe(503);
    expect(full.retryAfter).toBe('5');
    expect(full.body.checks.database).toBe('ok');
    expect(full.body.checks.disk).toMatch(/^[01]\.\d MiB free on the database's disk, below HOOKSPEC_READY_MIN_FREE_MB=2$/);
    expect(full.body.detail).toContain('disk (');
    // The path stays out of an answer anyone may read.
    expect(JSON.stringify(full.body)).not.toContain(disk.dir);
    // The gauge an alert reads says the same (deploy/alerts.yml): about 1 MiB.
    const gauge = await diskFreeGauge(running.url);
    expect(gauge).toBeGreaterThan(0);
    expect(gauge).toBeLessThan(2 * MIB);
    rmSync(filler);
    const afterFree = await diskFreeGauge(running.url);
    expect(afterFree).toBeGreaterThan(5 * MIB);
    const freed = await readiness(running.url);
    expect(freed.status).toBe(200);
    expect(freed.body.checks.disk).toBe('ok');
  });
});

afterAll(() => disk.release());

describe('the disk check is where it means something', () => {
  it('is left out when HOOKSPEC_READY_MIN_FREE_MB=0', async () => {
    const tmp = makeTempDir();
    const running = await startHookspec(loadConfig(env(tmp.dir, { HOOKSPEC_READY_MIN_FREE_MB: '0' })));
    try {
      const { status, body } = await readiness(running.url);
      expect(status).toBe(200);
      expect(Object.keys(body.checks).sort()).toEqual(['database', 'migrations', 'worker']);
    } finally {
      await running.close();
      tmp.cleanup();
    }
  });

  it("says so, without the path, when the database's directory cannot be read", async () => {
    const tmp = makeTempDir();
    const running = await startHookspec(loadConfig(env(tmp.dir)));
    try {
      // The open database file stays readable; the directory the check reads is gone.
      rmSync(tmp.dir, { recursive: true, force: true });
      const { status, body } = await readiness(running.url);
      expect(status).toBe(503);
      expect(body.checks.disk).toBe("the free space of the database's disk cannot be read (ENOENT)");
      expect(JSON.stringify(body)).not.toContain(tmp.dir);
      // The gauge says "unknown" (NaN, which no threshold matches), not a stale or a zero reading.
      expect(await diskFreeGauge(running.url)).toBeNaN();
    } finally {
      await running.close();
    }
  });

  it('is left out for an in-memory database, which has no disk to fill', async () => {
    const running = await startHookspec(loadConfig({ ...env('/nonexistent'), DATABASE_URL: 'sqlite::memory:' }));
    try {
      const { body } = await readiness(running.url);
      expect(body.checks.disk).toBeUndefined();
      // Not 0, which would read as a full disk: not there at all.
      expect(await diskFreeGauge(running.url)).toBeUndefined();
      expect(body.checks.database).toBe('ok');
    } finally {
      await running.close();
    }
  });

  it('refuses a negative or non-numeric setting at startup, naming it', () => {
    expect(() => loadConfig(env('/tmp', { HOOKSPEC_READY_MIN_FREE_MB: '-1' }))).toThrow(/^HOOKSPEC_READY_MIN_FREE_MB must be a non-negative integer \(got "-1"\)$/);
    expect(() => loadConfig(env('/tmp', { HOOKSPEC_READY_MIN_FREE_MB: 'lots' }))).toThrow(/^HOOKSPEC_READY_MIN_FREE_MB must be a non-negative integer \(got "lots"\)$/);
  });
});
