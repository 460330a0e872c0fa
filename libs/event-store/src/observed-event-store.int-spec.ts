import { ObservedEventStore } from './observed-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { testMetadata } from './testing/fixtures';
import { temporaryDatabaseFile } from './testing/temporary-database-file';

const METADATA = testMetadata();

describe('ObservedEventStore', () => {
  let database: ReturnType<typeof temporaryDatabaseFile>;
  let store: ObservedEventStore;

  beforeEach(() => {
    database = temporaryDatabaseFile();
    store = new ObservedEventStore(new SqliteEventStore({ file: database.file }));
  });
  afterEach(async () => {
    await store.close();
    database.remove();
  });

  const append = (stream: string) =>
    store.append(stream, [{ type: 'Happened', data: {} }], {
      expectedRevision: 'any',
      metadata: METADATA,
    });

  it('tells every observer of an append, in order, before the writer gets its result', async () => {
    const seen: string[] = [];
    store.observeAppends(async (stream, result) => {
      seen.push(`first ${stream}@${result.position}`);
    });
    store.observeAppends(async (stream) => {
      seen.push(`second ${stream}`);
    });
    const result = await append('a-1');
    seen.push('answered');
    expect(result.position).toBe(1);
    expect(seen).toEqual(['first a-1@1', 'second a-1', 'answered']);
  });

  it('tells nobody of a refused append', async () => {
    const seen: string[] = [];
    store.observeAppends(async (stream) => {
      seen.push(stream);
    });
    await expect(
      store.append('a-1', [{ type: 'Happened', data: {} }], {
        expectedRevision: 5,
        metadata: METADATA,
      }),
    ).rejects.toThrow();
    expect(seen).toEqual([]);
  });

  it('reads through to the store it wraps', async () => {
    await append('a-1');
    await append('b-1');
    expect((await store.readStream('a-1')).map((event) => event.stream)).toEqual(['a-1']);
    expect((await store.readAll()).length).toBe(2);
    expect(await store.headPosition()).toBe(2);
  });
});
