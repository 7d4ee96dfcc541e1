import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

describe('console browser module', () => {
  // The root tsconfig has no DOM types (they would leak into server code), so the console has its own.
  it('type-checks with the DOM library against the generated client', async () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(process.execPath, [tsc, '--noEmit', '-p', join(ROOT, 'src/console/app/tsconfig.json')], { cwd: ROOT }, (err, stdout, stderr) =>
        resolve({ code: err ? 1 : 0, out: stdout + stderr }),
      );
    });
    expect(result.out).toBe('');
    expect(result.code).toBe(0);
  });

  it('bundles into one small ES module', async () => {
    const { consoleBundle } = await import('../../src/console/bundle.js');
    const js = await consoleBundle();
    expect(js.length).toBeGreaterThan(1_000);
    expect(js.length).toBeLessThan(100_000);
    expect(js).not.toMatch(/\brequire\(/);
  });
});
