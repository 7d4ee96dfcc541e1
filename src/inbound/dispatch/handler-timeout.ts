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
 * Settles like `call()`, or rejects with a `HandlerTimeoutError` after `timeoutMs`. A later settle of the call is
 * dropped (its rejection is observed here, so it never becomes an unhandled rejection).
 */
export function withHandlerTimeout<T>(type: string, timeoutMs: number, call: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HandlerTimeoutError(type, timeoutMs)), timeoutMs);
  });
  // Through a promise constructor, so a handler that throws synchronously is a rejection like any other.
  const running = new Promise<T>((resolve) => resolve(call()));
  return Promise.race([running, timeout]).finally(() => clearTimeout(timer));
}
