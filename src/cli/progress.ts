/** Redraws at most this often, so a fast loop does not flood the terminal. */
const REDRAW_MS = 100;

export interface Progress {
  /** Replaces the progress line (no-op when quiet). */
  update(text: string): void;
  /** Clears the progress line. */
  done(): void;
}

/** True when progress should be drawn: an interactive terminal, not CI, not asked to be quiet. */
export function progressWanted(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.CI && !env.HOOKSPEC_QUIET;
}

/**
 * A one-line progress indicator on stderr for long work (pruning, recovering many deliveries). On a TTY it
 * redraws in place; in CI or when piped it prints nothing, so logs stay clean.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr, enabled = progressWanted(stream)): Progress {
  if (!enabled) return { update() {}, done() {} };
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      if (now - last < REDRAW_MS) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[K${text}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
