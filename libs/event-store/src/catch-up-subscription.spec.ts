import { catchUpSubscription, PageSource } from './catch-up-subscription';
import { ReadAllOptions, RecordedEvent } from './event-store.port';
import { matchesFilter } from './event-filter';
import { recordedEvent } from './testing/fixtures';
import { WakeSignal } from './wake-signal';

const HOUR = 3_600_000;

/** An in-memory global order that answers pages the way a store does. */
class Log implements PageSource {
  readonly events: RecordedEvent[] = [];
  reads = 0;

  add(stream: string): void {
    const revision = this.events.filter((e) => e.stream === stream).length;
    this.events.push(recordedEvent({ stream, revision, position: this.events.length + 1 }));
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.reads++;
    return this.events
      .filter((e) => e.position > (options.fromPosition ?? 0) && matchesFilter(e, options.filter))
      .slice(0, options.maxCount);
  }
}

async function take(iterator: AsyncIterator<RecordedEvent>, count: number): Promise<number[]> {
  const positions: number[] = [];
  while (positions.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    positions.push(next.value.position);
  }
  return positions;
}

describe('catchUpSubscription', () => {
  let log: Log;
  let wake: WakeSignal;
  let store: AbortController;

  beforeEach(() => {
    log = new Log();
    wake = new WakeSignal();
    store = new AbortController();
  });

  it('catches up over several pages, then delivers what is appended, without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) log.add('s');
    const subscription = catchUpSubscription(log, wake, {
      pollIntervalMs: HOUR,
      pageSize: 3,
      signal: store.signal,
    });
    const iterator = subscription[Symbol.asyncIterator]();
    expect(await take(iterator, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const live = take(iterator, 2);
    log.add('s');
    log.add('s');
    wake.notify();
    expect(await live).toEqual([8, 9]);
    await subscription.close();
  });

  it('starts after fromPosition and applies the filter', async () => {
    for (const stream of ['a', 'b', 'a', 'b', 'a']) log.add(stream);
    const subscription = catchUpSubscription(log, wake, {
      fromPosition: 1,
      filter: { streamPrefixes: ['a'] },
      pollIntervalMs: HOUR,
      signal: store.signal,
    });
    expect(await take(subscription[Symbol.asyncIterator](), 2)).toEqual([3, 5]);
    await subscription.close();
  });

  it('looks again after the poll interval when nobody notifies', async () => {
    const subscription = catchUpSubscription(log, wake, {
      pollIntervalMs: 1,
      signal: store.signal,
    });
    const next = subscription[Symbol.asyncIterator]().next();
    log.add('elsewhere');
    await expect(next).resolves.toMatchObject({ value: { position: 1 } });
    await subscription.close();
  });

  it('resolves a pending next() as done when closed', async () => {
    const subscription = catchUpSubscription(log, wake, {
      pollIntervalMs: HOUR,
      signal: store.signal,
    });
    const next = subscription[Symbol.asyncIterator]().next();
    await subscription.close();
    await expect(next).resolves.toEqual({ done: true, value: undefined });
  });

  it('ends when the store closes', async () => {
    const subscription = catchUpSubscription(log, wake, {
      pollIntervalMs: HOUR,
      signal: store.signal,
    });
    const next = subscription[Symbol.asyncIterator]().next();
    store.abort();
    await expect(next).resolves.toMatchObject({ done: true });
  });

  it('does not read again after being closed between two events', async () => {
    log.add('s');
    log.add('s');
    const subscription = catchUpSubscription(log, wake, {
      pollIntervalMs: HOUR,
      signal: store.signal,
    });
    const iterator = subscription[Symbol.asyncIterator]();
    await iterator.next();
    await subscription.close();
    await expect(iterator.next()).resolves.toMatchObject({ done: true });
    expect(log.reads).toBe(1);
  });
});
