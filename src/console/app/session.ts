import { createClient, type ApiClient } from '../../../generated/client.js';
import { byId } from './dom.js';

const KEY_STORAGE = 'hookspec.apiKey';
/** What an HTTP header value can carry safely: visible ASCII, no spaces. */
const PRINTABLE_KEY = /^[\x21-\x7e]+$/;
/** How much of a non-problem error body (a proxy's HTML page) goes on the status line. */
const BODY_EXCERPT_CHARS = 120;

/** Every answer comes from the server: the browser's HTTP cache would show data from before the last change. */
function fetchUncached(request: Request): Promise<Response> {
  return fetch(request, { cache: 'no-store' });
}

/** The typed client for this server, with the key the operator entered (kept for this tab only). */
export function currentClient(): ApiClient | undefined {
  const apiKey = sessionStorage.getItem(KEY_STORAGE);
  return apiKey ? createClient({ baseUrl: location.origin, apiKey, fetch: fetchUncached }) : undefined;
}

/** Keeps the key for this tab; refuses (and says why) one that cannot travel in an Authorization header. */
export function saveKey(key: string): boolean {
  if (!PRINTABLE_KEY.test(key)) {
    say('That key has a space or an invisible or non-ASCII character (pasted from a document?); type it again. It was not saved.', true);
    return false;
  }
  sessionStorage.setItem(KEY_STORAGE, key);
  return true;
}

export function forgetKey(): void {
  sessionStorage.removeItem(KEY_STORAGE);
}

let unauthorizedListener: () => void = () => {};

/** What to do when the server refuses the key (main.ts clears every piece of data on the page). */
export function onUnauthorized(listener: () => void): void {
  unauthorizedListener = listener;
}

// Counts the errors shown, so a later success can tell whether the error on screen is older than its request.
let errorsShown = 0;

/** One line at the top of the page: what just happened, or what went wrong. */
export function say(message: string, isError = false): void {
  const status = byId('status');
  status.textContent = message;
  status.classList.toggle('error', isError);
  if (isError) errorsShown++;
}

/** Clears the status line if it still shows the error numbered `errorNumber`. */
function clearError(errorNumber: number): void {
  const status = byId('status');
  if (errorsShown === errorNumber && status.classList.contains('error')) say('');
}

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Unwraps an API answer; a problem+json error is shown and rethrown as one readable line. */
export async function call<T>(what: string, request: Promise<Result<T>>): Promise<T> {
  const errorsBefore = errorsShown;
  let result: Result<T>;
  try {
    result = await request;
  } catch (err) {
    const message = `${what}: the server did not answer (${err instanceof Error ? err.message : String(err)})`;
    say(message, true);
    throw new Error(message);
  }
  if (result.response.ok) {
    // An error from before this request is out of date now; one shown while it ran (a sibling request) is not.
    clearError(errorsBefore);
    return result.data as T;
  }
  const message = `${what}: ${result.response.status} ${explain(result.error, result.response)}`;
  if (result.response.status === 401) {
    unauthorizedListener();
    say(`${withFullStop(message)} Enter a valid API key above.`, true);
  } else {
    say(message, true);
  }
  throw new Error(message);
}

/** The problem's detail and field errors; for anything else (a proxy's HTML page), the status text or a bit of the body. */
function explain(error: unknown, response: Response): string {
  if (typeof error === 'object' && error !== null) {
    const problem = error as { detail?: string; title?: string; errors?: { pointer: string; message: string }[] };
    const fields = problem.errors?.map((e) => `${e.pointer || '/'} ${e.message}`).join('; ');
    const text = problem.detail ?? problem.title ?? response.statusText;
    return `${text}${fields ? ` (${fields})` : ''}`;
  }
  if (response.statusText) return response.statusText;
  return typeof error === 'string' ? bodyExcerpt(error) : '';
}

/** The words of a text or HTML body, without its tags, cut short. */
function bodyExcerpt(body: string): string {
  const words = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return words.length > BODY_EXCERPT_CHARS ? `${words.slice(0, BODY_EXCERPT_CHARS)}…` : words;
}

/** Ends a sentence with one full stop, whether or not it already had one. */
function withFullStop(sentence: string): string {
  return /[.!?]$/.test(sentence.trimEnd()) ? sentence.trimEnd() : `${sentence.trimEnd()}.`;
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
