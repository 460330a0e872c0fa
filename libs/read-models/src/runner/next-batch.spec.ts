import { RecordedEvent } from '@keyledger/event-store';
import { recordedEvent } from '@keyledger/event-store/testing';
import { batchesOf, nextBatch } from './next-batch';

/** An iterator over events that are all ready now, then over whatever `later` resolves to. */
async function* source(
  ready: number,
  later?: Promise<RecordedEvent>,
): AsyncGenerator<RecordedEvent> {
  for (let position = 1; position <= ready; position++) yield recordedEvent({ position });
  if (later) yield await later;
}

const positions = (events: readonly RecordedEvent[]): number[] =>
  events.map((event) => event.position);

describe('nextBatch', () => {
  it('takes the ready events up to the maximum, and keeps the rest for the next batch', async () => {
    const iterator = source(5);
    const first = await nextBatch(iterator, iterator.next(), 3);
    const second = await nextBatch(iterator, first.pending, 3);
    const end = await nextBatch(iterator, second.pending, 3);
    expect([positions(first.events), positions(second.events), end.events]).toEqual([
      [1, 2, 3],
      [4, 5],
      [],
    ]);
  });

  it('does not wait for an event that is not ready yet', async () => {
    let release: (event: RecordedEvent) => void = () => undefined;
    const iterator = source(2, new Promise((resolve) => (release = resolve)));
    const first = await nextBatch(iterator, iterator.next(), 10);
    expect(positions(first.events)).toEqual([1, 2]);
    release(recordedEvent({ position: 3 }));
    expect(positions((await nextBatch(iterator, first.pending, 10)).events)).toEqual([3]);
  });

  it('lets the event loop turn once per batch, even when every event is ready', async () => {
    const iterator = source(5);
    let turned = false;
    setImmediate(() => (turned = true));
    const batch = await nextBatch(iterator, iterator.next(), 3);
    expect([positions(batch.events), turned]).toEqual([[1, 2, 3], true]);
  });
});

describe('batchesOf', () => {
  it('gives every event once, in order, in batches of at most the maximum, until the end', async () => {
    const batches: number[][] = [];
    for await (const events of batchesOf(source(7), 3)) batches.push(positions(events));
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });
});
