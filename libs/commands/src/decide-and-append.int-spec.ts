import { Decider } from '@keyledger/domain';
import { SqliteEventStore } from '@keyledger/event-store';
import { temporaryDatabaseFile, testMetadata } from '@keyledger/event-store/testing';
import { decideAndAppend } from './decide-and-append';
import { PreconditionFailedError } from './precondition-failed';

type Counted = { readonly type: 'Counted'; readonly data: { readonly by: number } };
/** A counter: `add` events raise it; a zero add decides nothing. */
const counter: Decider<{ readonly add: number }, Counted, number> = {
  initialState: 0,
  evolve: (total, event) => total + event.data.by,
  decide: ({ add }) => (add === 0 ? [] : [{ type: 'Counted', data: { by: add } }]),
};

describe('decideAndAppend on a real store', () => {
  let database: ReturnType<typeof temporaryDatabaseFile>;
  let store: SqliteEventStore;
  const run = (add: number, options: { ifMatch?: number | null } = {}) =>
    decideAndAppend(store, counter, 'counter-1', { add }, testMetadata(), options);

  beforeEach(() => {
    database = temporaryDatabaseFile();
    store = new SqliteEventStore({ file: database.file });
  });
  afterEach(async () => {
    await store.close();
    database.remove();
  });

  it('folds, decides and appends at the revision decided on', async () => {
    expect(await run(2)).toMatchObject({ state: 2, revision: 0 });
    expect(await run(3, { ifMatch: 0 })).toMatchObject({ state: 5, revision: 1 });
  });

  it('refuses a stale If-Match with a typed error and writes nothing', async () => {
    await run(1);
    await run(1);
    const refused = run(5, { ifMatch: 0 });
    await expect(refused).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(refused).rejects.toMatchObject({ stream: 'counter-1', expected: 0, actual: 1 });
    expect(await store.readStream('counter-1')).toHaveLength(2);
  });

  it('answers a no-op with no position, so nothing waits for it', async () => {
    await run(1);
    expect(await run(0)).toMatchObject({ events: [], revision: 0, position: null });
  });
});
