import { RecordedEvent } from '@keyledger/event-store';

const IDLE = Symbol('idle');

/**
 * Waits for one event, then takes whatever else is ready without waiting, up to `max`.
 * `pending` is the iterator's outstanding `next()`; the one left outstanding is returned.
 */
export async function nextBatch(
  iterator: AsyncIterator<RecordedEvent>,
  pending: Promise<IteratorResult<RecordedEvent>>,
  max: number,
): Promise<{ batch: RecordedEvent[]; next: Promise<IteratorResult<RecordedEvent>> }> {
  const first = await pending;
  if (first.done) return { batch: [], next: pending };
  const batch = [first.value];
  let next = iterator.next();
  while (batch.length < max) {
    // setImmediate runs after pending I/O callbacks: events already read resolve before it.
    const ready = await Promise.race([next, new Promise<typeof IDLE>((resolve) => setImmediate(() => resolve(IDLE)))]);
    if (ready === IDLE || ready.done) break;
    batch.push(ready.value);
    next = iterator.next();
  }
  return { batch, next };
}
