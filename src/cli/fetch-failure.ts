/**
 * Why fetch could not reach `url`, as one readable phrase. fetch throws "fetch failed" with the reason as its
 * cause; for the ports browsers block (6000, 6665-6669, 10080, …) undici's reason is only "bad port".
 */
export function fetchFailureReason(err: unknown, url?: string): string {
  const reason = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
  if (reason !== 'bad port') return reason;
  const port = url === undefined ? 'its port' : `port ${new URL(url).port}`;
  return `${port} is on the Fetch standard's list of blocked ports, which fetch will not connect to; use another`;
}
