/** A handler call that did not settle in time; the call may still be running, since a promise cannot be stopped. */
export class HandlerTimeoutError extends Error {
  constructor(
    readonly type: string,
    readonly timeoutMs: number,
  ) {
    super(`handler for ${type} did not finish within ${timeoutMs} ms`);
    this.name = 'HandlerTimeoutError';
  }
}

/**
 * Settles like `call(signal)`, or rejects with a `HandlerTimeoutError` after `timeoutMs`, aborting `signal` with it
 * so a handler that passed it on (fetch, a database driver) stops too. A later settle of the call is dropped (its
 * rejection is observed here, so it never becomes an unhandled rejection).
 */
export function withHandlerTimeout<T>(type: string, timeoutMs: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new HandlerTimeoutError(type, timeoutMs);
      reject(err);
      controller.abort(err);
    }, timeoutMs);
  });
  // Through a promise constructor, so a handler that throws synchronously is a rejection like any other.
  const running = new Promise<T>((resolve) => resolve(call(controller.signal)));
  return Promise.race([running, timeout]).finally(() => clearTimeout(timer));
}
