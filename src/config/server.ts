import { availableParallelism } from 'node:os';

/** Settings of the HTTP server and storage, read once from the environment. */
export interface ServerConfig {
  /** TCP port. @default 3000 */
  port: number;
  /** Listen address. @default '0.0.0.0' */
  host: string;
  /** `sqlite:<file>` or `postgres://…`. @default 'sqlite:data/hookspec.db' */
  databaseUrl: string;
  /** Bearer key for `/v1`. No default outside development: an unset key refuses every `/v1` call. */
  apiKey: string | undefined;
  /** Role of this process. @default 'all' */
  role: 'api' | 'worker' | 'all';
  /**
   * HTTP processes sharing the port (node:cluster); `HOOKSPEC_HTTP_PROCESSES=auto` is one per core
   * (`os.availableParallelism()`). 1 runs no cluster at all. @default 1
   */
  httpProcesses: number;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_DATABASE_URL = 'sqlite:data/hookspec.db';

export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const role = env.HOOKSPEC_ROLE ?? 'all';
  if (role !== 'api' && role !== 'worker' && role !== 'all') {
    throw new Error(`HOOKSPEC_ROLE must be api, worker or all (got "${role}")`);
  }
  return {
    port: readInt(env, 'PORT', DEFAULT_PORT),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    apiKey: env.HOOKSPEC_API_KEY || undefined,
    role,
    httpProcesses: readProcessCount(env, 'HOOKSPEC_HTTP_PROCESSES'),
  };
}

/** A positive integer, or `auto` for one per core the process may use. */
export function readProcessCount(env: NodeJS.ProcessEnv, name: string): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return 1;
  if (raw.toLowerCase() === 'auto') return availableParallelism();
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer or auto (got "${raw}")`);
  return value;
}

/** Parses an integer variable, naming the variable in the error so a typo is obvious. */
export function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer (got "${raw}")`);
  return value;
}

/** Parses a boolean variable: true/1/yes or false/0/no. */
export function readBool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be true or false (got "${env[name]}")`);
}

/** Splits a comma-separated list (secret rotation), dropping blanks. */
export function readList(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
