/** Base class for every error that reaches a client: a stable `code`, an HTTP `status`, and the original `cause`. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  /** Extra RFC 9457 members (for example `errors` for validation failures). */
  readonly extra: Record<string, unknown>;

  constructor(status: number, code: string, message: string, options: { cause?: unknown; extra?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.extra = options.extra ?? {};
  }
}
