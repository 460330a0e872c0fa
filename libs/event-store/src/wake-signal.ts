/** Lets waiting readers sleep until something is appended, or a poll interval passes. */
export class WakeSignal {
  private waiters: Array<() => void> = [];

  /** Resolves at the next `notify()`, or after `ms` milliseconds, whichever comes first. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const waiter = (): void => done();
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(waiter);
    });
  }

  /** Wakes every current waiter. */
  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
