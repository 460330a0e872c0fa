/**
 * Tells a sleeping loop that new work arrived. Take `signal()` before looking for work: a ring
 * after that aborts it, so work enqueued while the loop was looking is never slept through.
 */
export class Doorbell {
  private controller = new AbortController();

  /** Aborts at the next ring. */
  signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Wakes whoever holds the current signal. */
  ring(): void {
    this.controller.abort();
    this.controller = new AbortController();
  }
}
