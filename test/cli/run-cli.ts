import { execFile } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'hookspec.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The signal that ended the process: `SIGTERM` when it was still running at the timeout (it hung). */
  signal: NodeJS.Signals | null;
}

export interface RunOptions {
  /** Working directory of the CLI (default: this process's). */
  cwd?: string;
  /** Milliseconds before the CLI is killed (default 30 000). */
  timeoutMs?: number;
}

/** Runs `node bin/hookspec.js …` as a real child process (asynchronously, so an in-process server keeps serving). */
export function runCli(args: string[], env: Record<string, string | undefined> = {}, options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: { ...process.env, VITEST: '', LOG_LEVEL: 'silent', CI: '1', HOOKSPEC_URL: '', HOOKSPEC_API_KEY: '', ...env },
        timeout: options.timeoutMs ?? 30_000,
        ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr, signal: err?.signal ?? null });
      },
    );
  });
}
