import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms`, or less when `signal` aborts; never rejects. Injected so that tests need no real waits. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** A real timer. */
export const realSleep: Sleep = (ms, signal) =>
  delay(ms, undefined, { signal }).catch(() => undefined);

/** Resolves when `signal` aborts: waiting for work with no deadline. */
export const untilAborted = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
