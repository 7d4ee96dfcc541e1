import { InvalidArgumentError, type Command } from 'commander';
import { createClient, type ApiClient } from '../../generated/client.js';
import { answerCheck, UnexpectedAnswerError } from './answer-check.js';
import { fetchFailureReason } from './fetch-failure.js';

/** Flags every server-facing command takes. */
export interface ApiFlags {
  url?: string;
  apiKey?: string;
  json?: boolean;
  timeout?: number;
}

const DEFAULT_URL = 'http://localhost:3000';
/** Seconds a call may take, answer included, before the command gives up (a server that accepts and never answers). */
export const DEFAULT_TIMEOUT_S = 30;

function parseTimeout(raw: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
  if (!(seconds > 0) || seconds > 3600) throw new InvalidArgumentError('must be a number of seconds above 0 and at most 3600');
  return seconds;
}

/** Adds `--url`, `--api-key`, `--json` and `--timeout` (with their environment fallbacks) to a command. */
export function withApiOptions(command: Command): Command {
  return command
    .option('--url <url>', `hookspec server (default: HOOKSPEC_URL or ${DEFAULT_URL})`)
    .option('--api-key <key>', 'management API key (default: HOOKSPEC_API_KEY)')
    .option('--json', 'print the API answer as JSON')
    .option('--timeout <seconds>', 'give up when the server has not answered within this time', parseTimeout, DEFAULT_TIMEOUT_S);
}

/** The server's base URL: http(s), no credentials, query or fragment (they would be dropped or break every call). */
function baseUrlOf(flags: ApiFlags, env: NodeJS.ProcessEnv): string {
  const source = flags.url !== undefined ? '--url' : env.HOOKSPEC_URL ? 'HOOKSPEC_URL' : undefined;
  const raw = flags.url ?? (env.HOOKSPEC_URL || DEFAULT_URL);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${source ?? '--url'} must be an absolute http(s) URL (got "${raw}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${source ?? '--url'} must be an http or https URL (got "${raw}")`);
  if (url.username || url.password) throw new Error(`${source ?? '--url'} must not carry credentials; pass the key with --api-key (got "${raw}")`);
  if (url.search || url.hash) throw new Error(`${source ?? '--url'} must be the server's base URL, without ? or # (got "${raw}")`);
  return url.href.replace(/\/+$/, '');
}

/** The generated, typed management client for the flags or environment; a missing key is a clear error. */
export function apiClient(flags: ApiFlags, env: NodeJS.ProcessEnv = process.env): ApiClient {
  const baseUrl = baseUrlOf(flags, env);
  const apiKey = flags.apiKey ?? (env.HOOKSPEC_API_KEY || undefined);
  if (!apiKey) throw new Error('no API key: pass --api-key or set HOOKSPEC_API_KEY');
  // The key goes into a header: control characters or non-Latin-1 text would fail inside fetch, looking like a network error.
  if (/[^\x20-\x7e\x80-\xff]/.test(apiKey) || apiKey !== apiKey.trim()) {
    const from = flags.apiKey !== undefined ? '--api-key' : 'HOOKSPEC_API_KEY';
    throw new Error(`${from} has control or non-Latin-1 characters, or spaces at an end; an HTTP header cannot carry it as given`);
  }
  const timeoutMs = (flags.timeout ?? DEFAULT_TIMEOUT_S) * 1000;
  const client = createClient({ baseUrl, apiKey, fetch: (request) => fetch(request, { signal: AbortSignal.timeout(timeoutMs) }) });
  client.use(answerCheck(baseUrl));
  return client;
}

/** A path id from the command line: an empty one would call another route (`/v1/deliveries//retry`). */
export function parseId(raw: string): string {
  if (raw.trim() === '') throw new InvalidArgumentError('must not be empty');
  return raw;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The body of a successful call, or one clear error line: the problem's `detail` (and `code`) for an HTTP
 * error, the underlying cause when the server cannot be reached, the time waited when it never answered, and
 * what is wrong when it answered 2xx with something the API does not promise (the client's `answerCheck`
 * validated the body against the spec, so what is returned has the documented shape).
 */
export async function call<T>(what: string, request: Promise<FetchResult<T>>, timeoutS: number = DEFAULT_TIMEOUT_S): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (err) {
    if (err instanceof Error && err.name === 'TimeoutError') throw new Error(`${what}: no answer from the server within ${timeoutS} s (--timeout)`);
    if (err instanceof UnexpectedAnswerError) throw new Error(`${what}: ${err.message}`);
    throw new Error(`${what}: could not reach the server (${fetchFailureReason(err)})`);
  }
  if (result.response.ok) return result.data as T;
  const problem = (result.error ?? {}) as { detail?: string; code?: string };
  const detail = problem.detail ? `: ${problem.detail}` : '';
  const code = problem.code ? ` ${problem.code}` : '';
  throw new Error(`${what}: HTTP ${result.response.status}${code}${detail}`);
}
