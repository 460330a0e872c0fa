import { RecordedEvent } from '@keyledger/event-store';
import { recordedEvent } from '@keyledger/event-store/testing';
import { Projection } from '../projection/projection';
import { runnable } from '../projection/runnable-projection';
import { MemoryReadStore } from '../store/memory/memory-read-store';
import { CheckpointedProjections } from './checkpointed-projections';

interface Seen {
  readonly id: string;
  readonly positions: readonly number[];
}

/** Remembers every position it applied, in one document per projection. */
const recorder = (name: string, prefix: string): Projection<Seen> => ({
  name,
  collection: { name, indexes: [] },
  streamPrefixes: [prefix],
  documentIds: () => ['seen'],
  apply: (seen, event) => ({ id: 'seen', positions: [...(seen?.positions ?? []), event.position] }),
});

const keys = recorder('keys.v1', 'key-');
const orgs = recorder('orgs.v1', 'org-');

const batch = (...streams: readonly string[]): RecordedEvent[] =>
  streams.map((stream, i) => recordedEvent({ id: `e${i + 1}`, stream, position: i + 1 }));

describe('CheckpointedProjections', () => {
  it('refuses two projections of one name: they would share a checkpoint', () => {
    expect(
      () => new CheckpointedProjections(new MemoryReadStore(), [runnable(keys), runnable(keys)]),
    ).toThrow(RangeError);
  });

  it('applies each projection only its streams past its own checkpoint, then saves every checkpoint', async () => {
    const store = new MemoryReadStore();
    await store.setCheckpoint('keys.v1', 2);
    const projections = new CheckpointedProjections(store, [runnable(keys), runnable(orgs)]);
    expect(await projections.load()).toBe(0);

    await projections.apply(batch('key-a', 'key-a', 'org-o', 'key-b', 'usage-x'));
    expect(await store.collection(keys.collection).get('seen')).toEqual({
      id: 'seen',
      positions: [4],
    });
    expect(await store.collection(orgs.collection).get('seen')).toEqual({
      id: 'seen',
      positions: [3],
    });
    expect([
      await store.getCheckpoint('keys.v1'),
      await store.getCheckpoint('orgs.v1'),
      projections.lowest,
    ]).toEqual([5, 5, 5]);
  });

  it('resets one projection to rebuild it, which the whole set sees', async () => {
    const store = new MemoryReadStore();
    const projections = new CheckpointedProjections(store, [runnable(keys), runnable(orgs)]);
    await projections.apply(batch('key-a', 'org-o'));
    await projections.only('orgs.v1').reset();
    expect(await store.collection(orgs.collection).count()).toBe(0);
    expect([
      await store.getCheckpoint('keys.v1'),
      await store.getCheckpoint('orgs.v1'),
      projections.lowest,
    ]).toEqual([2, 0, 0]);
    expect(() => projections.only('nope.v1')).toThrow(RangeError);
  });
});
