import type { InboundRefusal } from '../store/inbound-store.js';

/** Length of one audit budget window; the per-source budget counts refusals within it. */
export const AUDIT_BUDGET_WINDOW_MS = 60_000;
/** Budgets tracked at once; the oldest window goes first (its count handed over), so many sources cannot grow memory. */
export const MAX_AUDIT_BUDGETS = 10_000;

/** Refusals a budget held back within one window: written as one summary row. */
export interface Suppressed {
  source: string;
  count: number;
  /** The last refusal held back: its time, receiver and status go into the summary. */
  last: InboundRefusal;
}

interface Budget {
  source: string;
  windowStart: number;
  written: number;
  suppressed: number;
  last: InboundRefusal | undefined;
}

/**
 * Per-source budget of audited refusals: `perWindow` rows per source per window, the rest counted. Signature failures
 * (401) have a budget of their own, so a flood of cheap refusals (405, 415, 413, 400) cannot hide who sends bad
 * signatures from the same address.
 */
export class AuditBudget {
  /** In order of window start (a new window is re-inserted), so closed windows are at the front. */
  private readonly budgets = new Map<string, Budget>();

  constructor(
    private readonly perWindow: number,
    private readonly now: () => number,
  ) {}

  /** Whether the refusal may be written; if not, it is counted. Counts of closed windows go to `emit`. */
  take(refusal: InboundRefusal, emit: (suppressed: Suppressed) => void): boolean {
    if (this.perWindow === 0) return true;
    const now = this.now();
    this.close(now, emit);
    const key = `${refusal.status === 401 ? 'signature' : 'other'} ${refusal.source}`;
    let budget = this.budgets.get(key);
    if (!budget) {
      budget = { source: refusal.source, windowStart: now, written: 0, suppressed: 0, last: undefined };
      this.budgets.set(key, budget);
      this.evict(emit);
    }
    if (budget.written < this.perWindow) {
      budget.written++;
      return true;
    }
    budget.suppressed++;
    budget.last = refusal;
    return false;
  }

  /** Hands over the counts of closed windows and forgets them; with `all`, also those of open windows (shutdown). */
  drain(emit: (suppressed: Suppressed) => void, all: boolean): void {
    this.close(this.now(), emit);
    if (!all) return;
    for (const budget of this.budgets.values()) handOver(budget, emit);
  }

  /** Ms until the earliest window holding a count closes; undefined when nothing is held back. */
  untilNextCount(): number | undefined {
    for (const budget of this.budgets.values()) {
      if (budget.suppressed > 0) return Math.max(1, budget.windowStart + AUDIT_BUDGET_WINDOW_MS - this.now());
    }
    return undefined;
  }

  private close(now: number, emit: (suppressed: Suppressed) => void): void {
    for (const [key, budget] of this.budgets) {
      if (now - budget.windowStart < AUDIT_BUDGET_WINDOW_MS) return;
      this.budgets.delete(key);
      handOver(budget, emit);
    }
  }

  private evict(emit: (suppressed: Suppressed) => void): void {
    while (this.budgets.size > MAX_AUDIT_BUDGETS) {
      const [key, budget] = this.budgets.entries().next().value!;
      this.budgets.delete(key);
      handOver(budget, emit);
    }
  }
}

function handOver(budget: Budget, emit: (suppressed: Suppressed) => void): void {
  if (budget.suppressed === 0 || !budget.last) return;
  emit({ source: budget.source, count: budget.suppressed, last: budget.last });
  budget.suppressed = 0;
  budget.last = undefined;
}
