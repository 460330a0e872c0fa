import { EventSubscription, ReadAllOptions, RecordedEvent } from './event-store.port';
import { WakeSignal } from './wake-signal';

/** What a catch-up subscription needs from a store: pages of the global order. */
export interface PageSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
}

/** Where to start, what to deliver, and how to wait once caught up. */
export interface CatchUpOptions extends Omit<ReadAllOptions, 'maxCount'> {
  /** How long to sleep when caught up before looking again (for writers in other processes). */
  readonly pollIntervalMs: number;
  readonly pageSize?: number;
  /** Ends the subscription when aborted: the store's own close. */
  readonly signal: AbortSignal;
}

const DEFAULT_PAGE_SIZE = 500;

/**
 * Reads pages of the global order after a position, then reads again whenever the store wakes it
 * (appends in this process) or the poll interval passes (appends from other processes).
 * Each page starts after the last delivered position, so nothing is skipped or delivered twice.
 */
export function catchUpSubscription(
  source: PageSource,
  wake: WakeSignal,
  options: CatchUpOptions,
): EventSubscription {
  const closing = new AbortController();
  const signal = AbortSignal.any([closing.signal, options.signal]);
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;

  async function* events(): AsyncGenerator<RecordedEvent> {
    let position = options.fromPosition ?? 0;
    while (!signal.aborted) {
      const mark = wake.mark();
      const page = await source.readAll({
        fromPosition: position,
        maxCount: pageSize,
        filter: options.filter,
      });
      for (const event of page) {
        if (signal.aborted) return;
        position = event.position;
        yield event;
      }
      if (page.length < pageSize) await wake.wait(mark, options.pollIntervalMs, signal);
    }
  }

  const iterator = events();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => closing.abort(),
  };
}
