import { ContractFailure } from './failure.js';

/** How long the first request may take: a target that does not answer it fails the run at once, not case by case. */
const PREFLIGHT_TIMEOUT_MS = 5_000;

/** Why a request never got an answer, from undici's `fetch failed` and its cause (ECONNREFUSED, a TLS error…). */
export function networkReason(err: unknown): string {
  if (err instanceof Error && err.name === 'TimeoutError') return 'no answer in time';
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  const message = err instanceof Error ? err.message : String(err);
  return cause ? `${message}: ${cause.code ?? cause.message ?? String(cause)}` : message;
}

/**
 * Before any case: the target answers, and it serves the API the cases come from (`GET /openapi.json` with this
 * spec's title). A closed port, a server that never answers, another kind of server or a wrong path prefix then
 * fails the run with one reason instead of a failure (or a 15 s wait) per case, or 404 cases passing on "no route".
 */
export async function checkTarget(baseUrl: string, title: string, timeoutMs = PREFLIGHT_TIMEOUT_MS): Promise<void> {
  const url = `${baseUrl}/openapi.json`;
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new ContractFailure(`cannot reach the contract target: GET ${url}: ${networkReason(err)}${err instanceof Error && err.name === 'TimeoutError' ? ` (${timeoutMs} ms)` : ''}`);
  }
  const text = await res.text().catch(() => '');
  let served: { openapi?: unknown; info?: { title?: unknown } } | undefined;
  try {
    served = JSON.parse(text) as typeof served;
  } catch {
    served = undefined;
  }
  if (res.status !== 200 || typeof served?.openapi !== 'string' || served.info?.title !== title) {
    const got = res.status !== 200 ? `answered ${res.status}` : served ? `serves "${String(served.info?.title)}"` : `answered 200 with ${res.headers.get('content-type') ?? 'no content type'}, not an OpenAPI document`;
    throw new ContractFailure(`${baseUrl} is not the hookspec API these cases are for (GET /openapi.json ${got}; expected "${title}"): check the URL and its path prefix`);
  }
}
