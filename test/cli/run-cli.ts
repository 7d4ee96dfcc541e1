import { execFile } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'hookspec.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/hookspec.js …` as a real child process (asynchronously, so an in-process server keeps serving). */
export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, VITEST: '', LOG_LEVEL: 'silent', CI: '1', HOOKSPEC_URL: '', HOOKSPEC_API_KEY: '', ...env }, timeout: 30_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
