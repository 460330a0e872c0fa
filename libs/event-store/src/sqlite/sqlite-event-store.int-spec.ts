import { testMetadata } from '../testing/fixtures';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { WrongExpectedRevisionError } from '../expected-revision';
import { openEventDatabase } from './sqlite-database';
import { SqliteEventStore } from './sqlite-event-store';
import { temporaryDatabaseFile } from '../testing/temporary-database-file';

const HOUR = 3_600_000;
const metadata = testMetadata();

describeEventStoreContract('SQLite', async () => {
  const { file, remove } = temporaryDatabaseFile();
  return {
    store: new SqliteEventStore({ file }),
    reopen: async () => new SqliteEventStore({ file }),
    cleanup: async () => remove(),
  };
});

describe('SQLite event store', () => {
  let file: string;
  let remove: () => void;
  const opened: SqliteEventStore[] = [];
  const openStore = (pollIntervalMs?: number): SqliteEventStore => {
    const store = new SqliteEventStore({ file, pollIntervalMs });
    opened.push(store);
    return store;
  };

  beforeEach(() => ({ file, remove } = temporaryDatabaseFile()));
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    remove();
  });

  it('opens databases in WAL mode with an fsync at every commit', () => {
    const db = openEventDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('numbers positions from 1 and reports the exact head', async () => {
    const store = openStore();
    expect(await store.headPosition()).toBe(0);
    await store.append('key-1', [{ type: 'A', data: {} }], {
      expectedRevision: 'no_stream',
      metadata,
    });
    const { position } = await store.append(
      'key-2',
      [
        { type: 'B', data: {} },
        { type: 'C', data: {} },
      ],
      {
        expectedRevision: 'no_stream',
        metadata,
      },
    );
    expect(position).toBe(3);
    expect(await store.headPosition()).toBe(3);
  });

  it('appends a batch of streams in one transaction, each checked as a single append is', async () => {
    const store = openStore();
    await store.append('key-1', [{ type: 'A', data: {} }], {
      expectedRevision: 'no_stream',
      metadata,
    });
    const results = await store.appendBatch([
      {
        stream: 'key-1',
        events: [{ type: 'B', data: { n: 1 } }],
        options: { expectedRevision: 0, metadata },
      },
      {
        stream: 'key-2',
        events: [
          { type: 'C', data: {} },
          { type: 'D', data: {} },
        ],
        options: { expectedRevision: 'no_stream', metadata },
      },
    ]);
    expect(results).toEqual([
      { nextRevision: 1, position: 2 },
      { nextRevision: 1, position: 4 },
    ]);

    // One stale revision refuses the whole batch.
    await expect(
      store.appendBatch([
        {
          stream: 'key-3',
          events: [{ type: 'E', data: {} }],
          options: { expectedRevision: 'no_stream', metadata },
        },
        {
          stream: 'key-1',
          events: [{ type: 'F', data: {} }],
          options: { expectedRevision: 0, metadata },
        },
      ]),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.headPosition()).toBe(4);
    expect(await store.readStream('key-3')).toEqual([]);
  });

  it('wakes its own subscriptions on append, without waiting for a poll', async () => {
    const store = openStore(HOUR);
    const iterator = store.subscribe()[Symbol.asyncIterator]();
    const next = iterator.next();
    await store.append('key-1', [{ type: 'A', data: {} }], {
      expectedRevision: 'no_stream',
      metadata,
    });
    await expect(next).resolves.toMatchObject({ value: { stream: 'key-1', position: 1 } });
  });

  it('ends its subscriptions when it closes', async () => {
    const store = openStore(HOUR);
    const next = store.subscribe()[Symbol.asyncIterator]().next();
    await store.close();
    await expect(next).resolves.toMatchObject({ done: true });
  });

  describe('with two store objects on one file, as two service instances', () => {
    it('delivers to a subscriber of one the events the other appends', async () => {
      const [reader, writer] = [openStore(5), openStore()];
      const subscription = reader.subscribe({ filter: { eventTypes: ['KeyCreated'] } });
      const next = subscription[Symbol.asyncIterator]().next();
      await writer.append('key-1', [{ type: 'KeyCreated', data: { by: 'writer' } }], {
        expectedRevision: 'no_stream',
        metadata,
      });
      await expect(next).resolves.toMatchObject({
        value: { stream: 'key-1', data: { by: 'writer' } },
      });
    });

    it('lets only one of them append on a given revision', async () => {
      const [first, second] = [openStore(), openStore()];
      await first.append('key-1', [{ type: 'A', data: {} }], {
        expectedRevision: 'no_stream',
        metadata,
      });
      const outcomes = await Promise.allSettled(
        [first, second, first, second].map((store, i) =>
          store.append('key-1', [{ type: `From${i}`, data: {} }], {
            expectedRevision: 0,
            metadata,
          }),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
      expect(
        refused.every(
          (reason) => reason instanceof WrongExpectedRevisionError && reason.actual === 1,
        ),
      ).toBe(true);
      expect((await second.readStream('key-1')).map((e) => e.revision)).toEqual([0, 1]);
    });

    it('interleaves their appends into one gap-free global order', async () => {
      const [first, second] = [openStore(), openStore()];
      for (let i = 0; i < 5; i++) {
        await first.append('key-a', [{ type: 'A', data: { i } }], {
          expectedRevision: 'any',
          metadata,
        });
        await second.append('key-b', [{ type: 'B', data: { i } }], {
          expectedRevision: 'any',
          metadata,
        });
      }
      const all = await first.readAll();
      expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(all.map((e) => e.type).join('')).toBe('ABABABABAB');
    });
  });
});
