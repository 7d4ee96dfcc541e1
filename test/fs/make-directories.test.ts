import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDirectories } from '../../src/fs/make-directories.js';
import { makeTempDir } from '../support/temp-dir.js';

describe('makeDirectories', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    tmp = makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  it('creates every missing level and returns the first one it created, like mkdir -p', () => {
    const deep = join(tmp.dir, 'a', 'b', 'c');
    expect(makeDirectories(deep)).toBe(join(tmp.dir, 'a'));
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(makeDirectories(deep)).toBeUndefined();
    expect(makeDirectories(join(tmp.dir, 'a', 'd'))).toBe(join(tmp.dir, 'a', 'd'));
  });

  it('refuses a file in the way', () => {
    writeFileSync(join(tmp.dir, 'file'), 'x');
    expect(() => makeDirectories(join(tmp.dir, 'file'))).toThrow(/EEXIST/);
    expect(() => makeDirectories(join(tmp.dir, 'file', 'sub'))).toThrow(/ENOTDIR/);
  });

  it.runIf(existsSync('/proc/self'))('fails at once under /proc, where Node 20 recursive mkdirSync spins forever', () => {
    // A child process: a regression would hang, and a hung synchronous call cannot be timed out in this one.
    const script = `import('${join(import.meta.dirname, '..', '..', 'src', 'fs', 'make-directories.ts')}').then((m) => {
      try { m.makeDirectories('/proc/hookspec-nope/x'); } catch (e) { console.log(e.code); }
    })`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { timeout: 20_000, encoding: 'utf8' });
    expect(child.signal, 'makeDirectories hung').toBeNull();
    expect(child.stdout.trim()).toBe('ENOENT');
  });
});
