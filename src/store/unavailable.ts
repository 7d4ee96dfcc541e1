/** How long a client is asked to wait before retrying a request the database could not take. */
export const STORE_RETRY_AFTER_SEC = 1;

/**
 * Why the database cannot take work for now (disk full, locked past the busy timeout, PostgreSQL unreachable or
 * out of connections), in words a client may read; undefined for any other error, which is a bug, not a 503.
 */
export function storeUnavailableReason(err: unknown): string | undefined {
  // A store may wrap the driver's error (`new Error(…, { cause })`): the first cause with a verdict decides.
  for (let e = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const reason = reasonOf(e);
    if (reason) return reason;
  }
  return undefined;
}

function reasonOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null | undefined)?.code;
  if (typeof code !== 'string') return isPoolConnectFailure(err) ? UNREACHABLE : undefined;
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT' || code === '53100') return 'the disk is full';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || POSTGRES_CONTENTION.has(code)) return 'the database is busy with other writes';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'the disk failed a read or write';
  if (NETWORK.has(code) || (code.startsWith('08') && code.length === 5) || POSTGRES_DOWN.has(code)) return UNREACHABLE;
  if (code.startsWith('53') && code.length === 5) return 'the database server is out of resources (memory or connections)';
  return undefined;
}

const UNREACHABLE = 'the database server cannot be reached';

/** lock_not_available, serialization_failure, deadlock_detected. */
const POSTGRES_CONTENTION = new Set(['55P03', '40001', '40P01']);

/** admin_shutdown, crash_shutdown, cannot_connect_now (class 08, connection exception, is checked by prefix). */
const POSTGRES_DOWN = new Set(['57P01', '57P02', '57P03']);

const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** pg and pg-pool report a lost or timed-out connection as a plain Error with no code. */
function isPoolConnectFailure(err: unknown): boolean {
  const message = err instanceof Error ? err.message : '';
  return message === 'Connection terminated unexpectedly' || message.startsWith('timeout exceeded when trying to connect')
    || message.startsWith('Connection terminated due to connection timeout');
}
