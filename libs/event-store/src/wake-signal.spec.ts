import { WakeSignal } from './wake-signal';

const HOUR = 3_600_000;

describe('WakeSignal', () => {
  it('wakes a waiter on notify', async () => {
    const wake = new WakeSignal();
    const waiting = wake.wait(wake.mark(), HOUR, new AbortController().signal);
    wake.notify();
    await expect(waiting).resolves.toBeUndefined();
  });

  it('does not sleep when notified between mark and wait', async () => {
    const wake = new WakeSignal();
    const mark = wake.mark();
    wake.notify();
    await expect(wake.wait(mark, HOUR, new AbortController().signal)).resolves.toBeUndefined();
  });

  it('wakes a waiter on abort', async () => {
    const wake = new WakeSignal();
    const abort = new AbortController();
    const waiting = wake.wait(wake.mark(), HOUR, abort.signal);
    abort.abort();
    await expect(waiting).resolves.toBeUndefined();
  });

  it('wakes a waiter when the interval passes', async () => {
    jest.useFakeTimers();
    try {
      const wake = new WakeSignal();
      const waiting = wake.wait(wake.mark(), 50, new AbortController().signal);
      jest.advanceTimersByTime(50);
      await expect(waiting).resolves.toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });
});
