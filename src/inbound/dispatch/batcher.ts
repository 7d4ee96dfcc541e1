import type { BatchOptions, LoadedHandler } from './handler-registry.js';
import { withHandlerTimeout } from './handler-timeout.js';

interface Waiting {
  envelope: unknown;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Collects events for a batch handler: one call per `maxSize` events, or after `maxWaitMs` for a partial batch.
 * Each event's promise settles with its batch, so every delivery records the batch's outcome; a batch call that
 * exceeds `timeoutMs` fails every event in it.
 */
export class HandlerBatcher {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly type: string,
    private readonly handler: LoadedHandler,
    private readonly options: BatchOptions,
    private readonly timeoutMs: number,
  ) {}

  add(envelope: unknown): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ envelope, resolve, reject });
      if (this.waiting.length >= Math.max(1, this.options.maxSize)) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxWaitMs);
    });
  }

  /** Calls the handler with what is waiting now (also used on shutdown). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.waiting.length === 0) return;
    const batch = this.waiting;
    this.waiting = [];
    withHandlerTimeout(this.type, this.timeoutMs, (signal) => this.handler.handle(batch.map((w) => w.envelope), { signal })).then(
      () => batch.forEach((w) => w.resolve()),
      (err) => batch.forEach((w) => w.reject(err)),
    );
  }
}
