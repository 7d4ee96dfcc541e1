import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { FailureStreak, REPEAT_LOG_MS } from '../../src/observability/failure-streak.js';

/** A real pino logger writing JSON lines into an array. */
function capture() {
  const lines: { level: number; msg: string; failures?: number; unlogged?: number; err?: { message: string } }[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
  return { lines, log: pino({ level: 'info' }, sink) };
}

describe('FailureStreak: one error line per streak of a retried failure', () => {
  it('logs the first failure, then at most once a minute with the count, then the recovery once', async () => {
    const { lines, log } = capture();
    let now = 0;
    const streak = new FailureStreak('claiming deliveries', log, () => now);
    for (let i = 0; i <= REPEAT_LOG_MS / 250; i++, now += 250) streak.failed(new Error('database or disk is full'));
    streak.succeeded();
    streak.succeeded();
    await new Promise((r) => setImmediate(r));
    // A failure every 250 ms for a minute (241 of them): the first, one repeat at the minute, and the recovery.
    expect(REPEAT_LOG_MS).toBe(60_000);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [50, 'claiming deliveries failed'],
      [50, 'claiming deliveries still failing (241 times in a row)'],
      [30, 'claiming deliveries works again after 241 failure(s)'],
    ]);
    expect(lines[0]!.err?.message).toBe('database or disk is full');
    expect(lines[1]).toMatchObject({ failures: 241, unlogged: 239 });
  });

  it('a new streak after a recovery is logged at once again', async () => {
    const { lines, log } = capture();
    let now = 0;
    const streak = new FailureStreak('polling the inbound log', log, () => now);
    streak.failed(new Error('a'));
    now += 1000;
    streak.succeeded();
    now += 1000;
    streak.failed(new Error('b'));
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => l.msg)).toEqual(['polling the inbound log failed', 'polling the inbound log works again after 1 failure(s)', 'polling the inbound log failed']);
  });
});
