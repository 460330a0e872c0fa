/**
 * Lets readers that found nothing new sleep until the next append in this process, or until a
 * poll interval passes (appends made by other processes send no signal).
 */
export class WakeSignal {
  private generation = 0;
  private readonly waiters = new Set<() => void>();

  /** A mark to take before looking for new events and to hand to `wait` afterwards. */
  mark(): number {
    return this.generation;
  }

  /**
   * Resolves at once if `notify()` ran since `mark` (so an append made while the reader was
   * looking is never slept through), else at the next notify, after `ms`, or on abort.
   */
  wait(mark: number, ms: number, signal: AbortSignal): Promise<void> {
    if (mark !== this.generation || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
      this.waiters.add(done);
    });
  }

  /** Wakes every current waiter. */
  notify(): void {
    this.generation++;
    for (const wake of [...this.waiters]) wake();
  }
}
