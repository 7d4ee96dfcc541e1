import { createClient, type ApiClient } from '../../../generated/client.js';
import { byId } from './dom.js';

const KEY_STORAGE = 'hookspec.apiKey';

/** The typed client for this server, with the key the operator entered (kept for this tab only). */
export function currentClient(): ApiClient | undefined {
  const apiKey = sessionStorage.getItem(KEY_STORAGE);
  return apiKey ? createClient({ baseUrl: location.origin, apiKey }) : undefined;
}

export function saveKey(key: string): void {
  sessionStorage.setItem(KEY_STORAGE, key);
}

export function forgetKey(): void {
  sessionStorage.removeItem(KEY_STORAGE);
}

/** One line at the top of the page: what just happened, or what went wrong. */
export function say(message: string, isError = false): void {
  const status = byId('status');
  status.textContent = message;
  status.classList.toggle('error', isError);
}

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Unwraps an API answer; a problem+json error is shown and rethrown as one readable line. */
export async function call<T>(what: string, request: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await request;
  } catch (err) {
    const message = `${what}: the server did not answer (${err instanceof Error ? err.message : String(err)})`;
    say(message, true);
    throw new Error(message);
  }
  if (result.response.ok) return result.data as T;
  const problem = (result.error ?? {}) as { detail?: string; title?: string; errors?: { pointer: string; message: string }[] };
  const fields = problem.errors?.map((e) => `${e.pointer || '/'} ${e.message}`).join('; ');
  const message = `${what}: ${result.response.status} ${problem.detail ?? problem.title ?? ''}${fields ? ` (${fields})` : ''}`;
  say(message, true);
  if (result.response.status === 401) say(`${message}. Enter a valid API key above.`, true);
  throw new Error(message);
}

/** The client, or a prompt for the key when there is none yet. */
export function requireClient(): ApiClient {
  const client = currentClient();
  if (!client) {
    say('Enter the API key (HOOKSPEC_API_KEY) to load data.', true);
    throw new Error('no API key');
  }
  return client;
}
