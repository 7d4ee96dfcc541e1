/**
 * Counts the loads of one list or pane: a response that a later load (a Refresh, a Forget) overtook is dropped
 * instead of being drawn over newer data.
 */
export class Generation {
  private current = 0;

  /** Starts a load; keep the number and ask `isCurrent` when its answer arrives. */
  next(): number {
    return ++this.current;
  }

  isCurrent(generation: number): boolean {
    return generation === this.current;
  }

  /** Makes every load in flight stale. */
  invalidate(): void {
    this.current++;
  }
}
