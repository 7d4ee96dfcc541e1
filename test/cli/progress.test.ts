import { describe, expect, it } from 'vitest';
import { createProgress, progressWanted } from '../../src/cli/progress.js';

/** A stand-in terminal that records what is written (a real TTY cannot be opened in CI). */
function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream, writes };
}

describe('CLI progress', () => {
  it.each([
    ['a TTY outside CI', true, {}, true],
    ['a TTY in CI', true, { CI: 'true' }, false],
    ['a TTY with HOOKSPEC_QUIET', true, { HOOKSPEC_QUIET: '1' }, false],
    ['a pipe', false, {}, false],
  ])('on %s: %s', (_name, isTTY, env, want) => {
    expect(progressWanted(fakeStream(isTTY).stream, env)).toBe(want);
  });

  it('redraws one line in place and clears it when done', () => {
    const { stream, writes } = fakeStream(true);
    const progress = createProgress(stream, true);
    progress.update('pruning… 500 events');
    progress.update('pruning… 1000 events'); // within the redraw interval: skipped
    progress.done();
    expect(writes).toEqual(['\r\x1b[Kpruning… 500 events', '\r\x1b[K']);
  });

  it('writes nothing when disabled', () => {
    const { stream, writes } = fakeStream(true);
    const progress = createProgress(stream, false);
    progress.update('x');
    progress.done();
    expect(writes).toEqual([]);
  });
});
