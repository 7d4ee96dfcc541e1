import type { Store } from '../store/store.js';

/** One named readiness condition; `run` rejects (with a reason) when it does not hold. */
export interface ReadinessCheck {
  name: string;
  run(): Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  /** `ok` or the reason each check failed. */
  checks: Record<string, string>;
}

/** A check that hangs (a dead database connection) counts as failed after this long. */
export const READINESS_CHECK_TIMEOUT_MS = 2_000;

/** The database answers and would take a write (a PostgreSQL standby would not). */
export function databaseCheck(store: Store): ReadinessCheck {
  return { name: 'database', run: () => store.ping() };
}

/** Every migration shipped with this build is recorded in the database. */
export function migrationsCheck(store: Store): ReadinessCheck {
  return {
    name: 'migrations',
    async run() {
      const pending = await store.pendingMigrations();
      if (pending.length > 0) throw new Error(`pending: ${pending.join(', ')}`);
    },
  };
}

/** The delivery worker of this process was started and is not shutting down. */
export function workerCheck(state: () => 'starting' | 'running' | 'stopping'): ReadinessCheck {
  return {
    name: 'worker',
    async run() {
      const now = state();
      if (now !== 'running') throw new Error(now);
    },
  };
}

/** Runs every check concurrently, each bounded by the timeout; never rejects. */
export async function checkReadiness(checks: ReadinessCheck[]): Promise<ReadinessReport> {
  const results = await Promise.all(checks.map(async (check) => [check.name, await runBounded(check)] as const));
  const report: ReadinessReport = { ready: true, checks: {} };
  for (const [name, outcome] of results) {
    report.checks[name] = outcome;
    if (outcome !== 'ok') report.ready = false;
  }
  return report;
}

async function runBounded(check: ReadinessCheck): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_CHECK_TIMEOUT_MS} ms`)), READINESS_CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check.run(), timeout]);
    return 'ok';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    clearTimeout(timer);
  }
}
