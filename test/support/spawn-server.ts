import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SpawnedServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Output so far, for failure messages. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output (found now or later); rejects after `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Sends a signal and resolves with the exit code (or signal name) once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
}

/** A free TCP port on loopback (bound then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `src/main.ts` under tsx (or `entry`, a compiled main.js, with plain node) as a real child process (so tests
 * can SIGKILL it) and waits until /healthz answers.
 */
export async function spawnServer(
  env: Record<string, string>,
  options: { port?: number; timeoutMs?: number; /** Extra Node flags, e.g. `--cpu-prof` (not allowed in NODE_OPTIONS). */ nodeArgs?: string[]; entry?: string } = {},
): Promise<SpawnedServer> {
  const port = options.port ?? (await freePort());
  let output = '';
  const main = options.entry ? [options.entry] : ['--import', 'tsx', join(ROOT, 'src', 'main.ts')];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...main], {
    cwd: ROOT,
    env: { ...process.env, VITEST: '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, sig) => resolve(code ?? sig)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    child,
    output: () => output,
    async waitForOutput(pattern, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(output);
        if (match) return match;
        if (Date.now() > until) throw new Error(`no ${pattern} in the server output within ${timeoutMs} ms:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs `src/main.ts` to its exit (startup failures): exit code and output, at LOG_LEVEL info. */
export function runMain(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'main.ts')], { env: { ...process.env, VITEST: '', LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env }, timeout: 20_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** How every startup failure must look: exit 1, nothing on stderr, one fatal JSON line whose message matches. */
export async function expectFatalStartup(env: Record<string, string>, message: RegExp): Promise<void> {
  const { code, stdout, stderr } = await runMain(env);
  expect(code).toBe(1);
  expect(stderr).toBe('');
  const line = JSON.parse(stdout.trim()) as { level: number; msg: string; err?: unknown };
  expect(line.level).toBe(60);
  expect(line.msg).toMatch(message);
  // The message is the whole story: no stack trace buried in the line.
  expect(line.err).toBeUndefined();
}

/** A loopback port some other server holds, for the "port already in use" cases; close it when done. */
export async function occupiedPort(): Promise<{ port: number; blocker: Server }> {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
  return { port: (blocker.address() as { port: number }).port, blocker };
}
