import { EventSubscription, ReadAllOptions, RecordedEvent } from './event-store.port';
import { WakeSignal } from './wake-signal';

/** What a catch-up subscription needs from a store. */
export interface PageSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
}

export interface CatchUpOptions extends Omit<ReadAllOptions, 'maxCount'> {
  /** How long to sleep when caught up before looking again (for writers in other processes). */
  readonly pollIntervalMs: number;
  readonly pageSize?: number;
}

/**
 * Reads pages of the global order from a position, then keeps reading whenever the store wakes
 * it (appends in this process) or the poll interval passes (appends from other processes).
 */
export function catchUpSubscription(
  source: PageSource,
  wake: WakeSignal,
  options: CatchUpOptions,
): EventSubscription {
  let closed = false;
  const pageSize = options.pageSize ?? 500;

  async function* events(): AsyncGenerator<RecordedEvent> {
    let position = options.fromPosition ?? 0;
    while (!closed) {
      const page = await source.readAll({ fromPosition: position, maxCount: pageSize, filter: options.filter });
      for (const event of page) {
        if (closed) return;
        position = event.position;
        yield event;
      }
      if (page.length < pageSize && !closed) await wake.wait(options.pollIntervalMs);
    }
  }

  const iterator = events();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      closed = true;
      wake.notify();
    },
  };
}
