import type { Command } from 'commander';
import { createClient, type ApiClient } from '../../generated/client.js';

/** Flags every server-facing command takes. */
export interface ApiFlags {
  url?: string;
  apiKey?: string;
  json?: boolean;
}

const DEFAULT_URL = 'http://localhost:3000';

/** Adds `--url`, `--api-key` and `--json` (with their environment fallbacks) to a command. */
export function withApiOptions(command: Command): Command {
  return command
    .option('--url <url>', `hookspec server (default: HOOKSPEC_URL or ${DEFAULT_URL})`)
    .option('--api-key <key>', 'management API key (default: HOOKSPEC_API_KEY)')
    .option('--json', 'print the API answer as JSON');
}

/** The generated, typed management client for the flags or environment; a missing key is a clear error. */
export function apiClient(flags: ApiFlags, env: NodeJS.ProcessEnv = process.env): ApiClient {
  const baseUrl = flags.url ?? (env.HOOKSPEC_URL || DEFAULT_URL);
  try {
    new URL(baseUrl);
  } catch {
    throw new Error(`--url must be an absolute URL (got "${baseUrl}")`);
  }
  const apiKey = flags.apiKey ?? (env.HOOKSPEC_API_KEY || undefined);
  if (!apiKey) throw new Error('no API key: pass --api-key or set HOOKSPEC_API_KEY');
  return createClient({ baseUrl: baseUrl.replace(/\/+$/, ''), apiKey });
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The body of a successful call, or one clear error line: the problem's `detail` (and `code`) for an HTTP
 * error, the underlying cause when the server cannot be reached.
 */
export async function call<T>(what: string, request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
    throw new Error(`${what}: could not reach the server (${cause})`);
  }
  if (result.response.ok) return result.data as T;
  const problem = (result.error ?? {}) as { detail?: string; code?: string };
  const detail = problem.detail ? `: ${problem.detail}` : '';
  const code = problem.code ? ` ${problem.code}` : '';
  throw new Error(`${what}: HTTP ${result.response.status}${code}${detail}`);
}
