import { RecordedEvent } from '@keyledger/event-store';

/** A batch of events, and the iterator's `next()` still outstanding after it. */
export interface Batch {
  readonly events: readonly RecordedEvent[];
  readonly pending: Promise<IteratorResult<RecordedEvent>>;
}

const IDLE = Symbol('idle');

/** Resolves after the callbacks already queued: once the event loop has turned. */
const idle = (): Promise<typeof IDLE> =>
  new Promise((resolve) => setImmediate(() => resolve(IDLE)));

/**
 * Waits for one event, then takes whatever else the iterator has ready, up to `max`, without
 * waiting for more: a burst becomes few large batches, a trickle is applied one event at a time.
 * An empty batch means the iteration ended. Every batch lets the event loop turn once: a catch-up
 * whose reads resolve at once (SQLite) would otherwise never turn it, starving timers and I/O and
 * keeping each event alive until the end, held by a callback still queued.
 */
export async function nextBatch(
  iterator: AsyncIterator<RecordedEvent>,
  pending: Promise<IteratorResult<RecordedEvent>>,
  max: number,
): Promise<Batch> {
  const first = await pending;
  if (first.done) return { events: [], pending };
  const events = [first.value];
  const turned = idle();
  let next = iterator.next();
  while (events.length < max) {
    const ready = await Promise.race([next, turned]);
    if (ready === IDLE || ready.done) break;
    events.push(ready.value);
    next = iterator.next();
  }
  await turned;
  return { events, pending: next };
}

/**
 * The events in batches (nextBatch), until the iteration ends: how a consumer of a subscription
 * takes in history and live events alike without holding the event loop.
 */
export async function* batchesOf(
  events: AsyncIterable<RecordedEvent>,
  max: number,
): AsyncGenerator<readonly RecordedEvent[]> {
  const iterator = events[Symbol.asyncIterator]();
  let pending = iterator.next();
  for (;;) {
    const batch = await nextBatch(iterator, pending, max);
    if (batch.events.length === 0) return;
    pending = batch.pending;
    yield batch.events;
  }
}
