import { fetchFailureReason } from './fetch-failure.js';

/** How long `trigger` waits for an answer, like the delivery timeout. */
export const SEND_TIMEOUT_MS = 15_000;
/** Response bodies longer than this are cut when printed. */
export const PRINT_BODY_LIMIT = 4096;

/** POSTs a prepared request and prints `HTTP <status>` and the (cut) response body; non-2xx is an error. */
export async function postAndPrint(url: string, headers: Record<string, string>, body: string, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
  } catch (err) {
    throw new Error(`could not reach ${url}: ${fetchFailureReason(err, url)}`);
  }
  const text = await res.text();
  out.write(`HTTP ${res.status} ${res.statusText}\n`);
  if (text) out.write(`${text.length > PRINT_BODY_LIMIT ? `${text.slice(0, PRINT_BODY_LIMIT)}… (${text.length} bytes)` : text}\n`);
  if (res.status < 200 || res.status >= 300) throw new Error(`${url} answered HTTP ${res.status}`);
}
