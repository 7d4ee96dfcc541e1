import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(REPO, 'test', 'generator', 'fixtures');
// The team's shared fixtures sit beside the repository (as in CI's checkout), not at a fixed path.
export const SVIX = join(REPO, '..', 'shared', 'fixtures', 'svix-openapi.json');
export const GITHUB = join(REPO, 'node_modules', '@octokit', 'openapi-webhooks', 'generated', 'api.github.com.json');
export const CLI = join(REPO, 'bin', 'hookspec.js');

const run = promisify(execFile);

/** A fresh temp directory; removed by the returned cleanup. */
export function tempDir(prefix = 'hookspec-gen-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Makes a generated directory outside the repo resolvable and type-checkable: `node_modules` linked to the
 * repo's, and a tsconfig with the repo's strict options.
 */
export function makeCompilable(dir: string): void {
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2023'],
        types: ['node'],
        strict: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: true,
        isolatedModules: true,
        noEmit: true,
      },
      include: ['*.ts'],
    }),
  );
}

/** Runs `tsc --noEmit -p dir`; resolves with its output and exit code instead of throwing. */
export async function typecheck(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { maxBuffer: 64 << 20 });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** Runs the real CLI (`node bin/hookspec.js …`) and reports exit code and output without throwing. */
export async function cli(args: string[], cwd = REPO): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd, maxBuffer: 16 << 20 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
