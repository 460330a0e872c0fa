import { RecordedEvent } from '@keyledger/event-store';

/** A batch of events, and the iterator's `next()` still outstanding after it. */
export interface Batch {
  readonly events: readonly RecordedEvent[];
  readonly pending: Promise<IteratorResult<RecordedEvent>>;
}

const IDLE = Symbol('idle');

/** Resolves after the callbacks already queued, so only events that are ready win the race with it. */
const idle = (): Promise<typeof IDLE> =>
  new Promise((resolve) => setImmediate(() => resolve(IDLE)));

/**
 * Waits for one event, then takes whatever else the iterator has ready, up to `max`, without
 * waiting for more: a burst becomes few large batches, a trickle is applied one event at a time.
 * An empty batch means the iteration ended.
 */
export async function nextBatch(
  iterator: AsyncIterator<RecordedEvent>,
  pending: Promise<IteratorResult<RecordedEvent>>,
  max: number,
): Promise<Batch> {
  const first = await pending;
  if (first.done) return { events: [], pending };
  const events = [first.value];
  let next = iterator.next();
  while (events.length < max) {
    const ready = await Promise.race([next, idle()]);
    if (ready === IDLE || ready.done) break;
    events.push(ready.value);
    next = iterator.next();
  }
  return { events, pending: next };
}
