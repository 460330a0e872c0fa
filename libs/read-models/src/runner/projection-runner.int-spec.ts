import { DefaultPreferenceEvent, KeyEvent, RoutingPreferenceEvent } from '@keyledger/domain';
import { WebhookSubscriptionEvent } from '@keyledger/domain/webhooks';
import { SqliteEventStore } from '@keyledger/event-store';
import { temporaryDatabaseFile, testMetadata } from '@keyledger/event-store/testing';
import { ALL_PROJECTIONS } from '../all-projections';
import { AUDIT_ENTRY_DOCUMENTS } from '../audit/audit-entry.document';
import { DEFAULT_PREFERENCE_DOCUMENTS } from '../defaults/default-preference.document';
import { KEY_DOCUMENTS } from '../keys/key.document';
import { keyProjection } from '../keys/key.projection';
import { Projection } from '../projection/projection';
import { ProjectionError } from '../projection/projection-error';
import { runnable, RunnableProjection } from '../projection/runnable-projection';
import { ROUTING_PREFERENCE_DOCUMENTS } from '../routing-preferences/routing-preference.document';
import { WEBHOOK_SUBSCRIPTION_DOCUMENTS } from '../webhooks/webhook-subscription.document';
import { webhookCreated } from '../testing/webhook-events';
import { MemoryReadStore } from '../store/memory/memory-read-store';
import { SqliteReadStore } from '../store/sqlite/sqlite-read-store';
import { mongoTestStores } from '../store/testing/mongo-test-stores';
import {
  CollectionSpec,
  Document,
  Positioned,
  ReadStore,
  ScalarField,
} from '../store/read-store.port';
import { InterruptibleReadStore, SimulatedCrash } from '../store/testing/interruptible-read-store';
import { history, project } from '../testing/history';
import { keyCreated, keyRenamed } from '../testing/key-events';
import { preferenceCreated } from '../testing/routing-preference-events';
import { ProjectionRunner, ProjectionRunnerOptions } from './projection-runner';
import { RebuildProgress } from './rebuild-progress';

type DomainEvent =
  KeyEvent | RoutingPreferenceEvent | DefaultPreferenceEvent | WebhookSubscriptionEvent;

/** Generous bound for waits that must succeed; a failing one ends in an assertion, not a hang. */
const PATIENCE_MS = 5000;

const org = { kind: 'org', org_id: 'org_1' } as const;

/** Every document of a collection with its position, in id order. */
async function everything<D extends Document>(
  store: ReadStore,
  spec: CollectionSpec<D>,
): Promise<Positioned<D>[]> {
  const collection = store.collection(spec);
  // Every document has an id, though the generic D cannot show it.
  const byId = 'id' as ScalarField<D>;
  const { items } = await collection.find({
    sort: [{ field: byId, direction: 'asc' }],
    limit: 100_000,
  });
  const positioned = await collection.getPositioned(items.map((document) => document.id));
  return items.flatMap((document) => positioned.get(document.id) ?? []);
}

/** All read models of a store, for comparing two stores. */
const snapshot = async (store: ReadStore) => ({
  keys: await everything(store, KEY_DOCUMENTS),
  preferences: await everything(store, ROUTING_PREFERENCE_DOCUMENTS),
  defaults: await everything(store, DEFAULT_PREFERENCE_DOCUMENTS),
  audit: await everything(store, AUDIT_ENTRY_DOCUMENTS),
  webhooks: await everything(store, WEBHOOK_SUBSCRIPTION_DOCUMENTS),
});

const openMongoStore = mongoTestStores();
/** The collection prefix of each MongoDB store, so a test can open its collections again. */
const mongoPrefixes = new Map<ReadStore, string>();
const openMongoStoreOnce = openMongoStore
  ? async (prefix = `r${mongoPrefixes.size}_${Date.now().toString(36)}_`) => {
      const store = await openMongoStore(prefix);
      mongoPrefixes.set(store, prefix);
      return store;
    }
  : null;

/** SQLite read stores in temporary files, which a test can close and open again as a restart would. */
const sqliteFiles = new Map<ReadStore, ReturnType<typeof temporaryDatabaseFile>>();
const openSqliteStore = async (file?: ReturnType<typeof temporaryDatabaseFile>) => {
  const database = file ?? temporaryDatabaseFile();
  const store = new SqliteReadStore({ file: database.file });
  sqliteFiles.set(store, database);
  return store;
};
afterAll(() => {
  for (const database of sqliteFiles.values()) database.remove();
});

describeRunner('memory', async () => new MemoryReadStore());
describeRunner('MongoDB (MONGO_URL)', openMongoStoreOnce && (() => openMongoStoreOnce()), {
  reopen: async (store) => {
    const prefix = mongoPrefixes.get(store);
    if (!prefix || !openMongoStoreOnce) throw new Error('not a store of this database');
    await store.close();
    return openMongoStoreOnce(prefix);
  },
});
describeRunner('SQLite', () => openSqliteStore(), {
  transactional: true,
  reopen: async (store) => {
    const database = sqliteFiles.get(store);
    if (!database) throw new Error('not a store of this file');
    await store.close();
    return openSqliteStore(database);
  },
});

/** What a kind of read store can do besides the port: commit a batch whole, outlive its process. */
interface StoreTraits {
  /** A batch's documents and checkpoints commit together (a crash leaves none ahead). */
  readonly transactional?: boolean;
  /** Closes the store and opens the same data again, as a restarted process would. */
  readonly reopen?: (store: ReadStore) => Promise<ReadStore>;
}

/** The runner's behaviour over the real SQLite event store and a read store of the kind given; skipped when none can be opened. */
function describeRunner(
  kind: string,
  openStore: (() => Promise<ReadStore>) | null,
  traits: StoreTraits = {},
): void {
  (openStore ? describe : describe.skip)(
    `ProjectionRunner over the SQLite event store and the ${kind} read store`,
    () => {
      let database: ReturnType<typeof temporaryDatabaseFile>;
      let events: SqliteEventStore;
      const logger = { error: jest.fn<void, [string, Readonly<Record<string, unknown>>]>() };
      const runners: ProjectionRunner[] = [];
      const stores: ReadStore[] = [];

      const newStore = async (): Promise<ReadStore> => {
        if (!openStore) throw new Error('a skipped suite does not run');
        const store = await openStore();
        stores.push(store);
        return store;
      };

      const append = async (
        stream: string,
        ...appended: readonly DomainEvent[]
      ): Promise<number> => {
        const newEvents = appended.map(({ type, data }) => ({ type, data: { ...data } }));
        return (
          await events.append(stream, newEvents, {
            expectedRevision: 'any',
            metadata: testMetadata(),
          })
        ).position;
      };

      /** A governance history touching every projection, with an event of a stream none of them reads. */
      const appendHistory = async (): Promise<number> => {
        await append(
          'key-k1',
          keyCreated('k1', { scope: 'org', org_id: 'org_1' }),
          keyRenamed('k1', 'CI'),
        );
        await append('routing_preference-p1', preferenceCreated('p1'));
        await append('org-org_1', {
          type: 'DefaultPreferenceSet',
          data: { owner: org, preference_id: 'p1', previous_preference_id: null },
        });
        await append('key-k2', keyCreated('k2'), {
          type: 'PreferenceBound',
          data: {
            key_id: 'k2',
            preference_id: 'p1',
            previous_preference_id: null,
            bound_at: '2026-01-01T00:00:00.000Z',
          },
        });
        await append('routing_preference-p2', preferenceCreated('p2'));
        await append('org-org_1', {
          type: 'DefaultPreferenceSet',
          data: { owner: org, preference_id: 'p2', previous_preference_id: 'p1' },
        });
        await append('usage-k1', keyRenamed('k1', 'not a key stream'));
        return append('key-k1', {
          type: 'KeyRevoked',
          data: { key_id: 'k1', reason: 'rotated away', revoked_at: '2026-01-02T00:00:00.000Z' },
        });
      };

      const appendKeys = async (count: number): Promise<void> => {
        for (let i = 0; i < count; i++) await append(`key-n${i}`, keyCreated(`n${i}`));
      };

      const runner = (
        store: ReadStore,
        options: Partial<ProjectionRunnerOptions> = {},
        projections = ALL_PROJECTIONS,
      ): ProjectionRunner => {
        const created = new ProjectionRunner(events, store, projections, { logger, ...options });
        runners.push(created);
        return created;
      };

      /** What a fresh store holds after a rebuild from the whole event store. */
      const rebuiltSnapshot = async () => {
        const fresh = await newStore();
        await runner(fresh).rebuild();
        return snapshot(fresh);
      };

      beforeEach(() => {
        database = temporaryDatabaseFile();
        events = new SqliteEventStore({ file: database.file, pollIntervalMs: 5 });
        logger.error.mockClear();
      });

      afterEach(async () => {
        await Promise.all(runners.splice(0).map((running) => running.stop()));
        await Promise.all(stores.splice(0).map((store) => store.close()));
        await events.close();
        database.remove();
      });

      it('catches up on history, then applies live events', async () => {
        await appendHistory();
        const store = await newStore();
        const live = runner(store);
        await live.start();
        expect(await live.catchUp(PATIENCE_MS)).toBe(true);
        expect(await store.collection(KEY_DOCUMENTS).get('k1')).toMatchObject({
          name: 'CI',
          revoked: true,
          audience: 'org:org_1',
        });
        expect(await store.collection(ROUTING_PREFERENCE_DOCUMENTS).get('p2')).toMatchObject({
          is_default: true,
        });
        // The audit log files each key's entries under the key's audience and owner.
        const revoked = await store
          .collection(AUDIT_ENTRY_DOCUMENTS)
          .findOne({ key_id: 'k1', event_type: 'KeyRevoked' });
        expect(revoked).toMatchObject({ key_audience: 'org:org_1', key_owner_user_id: 'user_1' });

        const position = await append('key-k2', keyRenamed('k2', 'renamed live'));
        expect(await live.waitForPosition(position, PATIENCE_MS)).toBe(true);
        expect((await store.collection(KEY_DOCUMENTS).get('k2'))?.name).toBe('renamed live');
        expect(live.appliedPosition).toBe(position);
        expect(await live.lag()).toEqual({
          head_position: position,
          checkpoint: position,
          behind_events: 0,
          behind_ms: 0,
        });
      });

      it('applies a burst in batches of at most the batch size, one checkpoint save per batch', async () => {
        await appendKeys(30);
        const store = new InterruptibleReadStore(await newStore());
        const batched = runner(store, { batchSize: 8 });
        await batched.start();
        await batched.catchUp(PATIENCE_MS);
        const saved = store.savedCheckpoints
          .filter(({ projection }) => projection === keyProjection.name)
          .map(({ position }) => position);
        expect(saved).toEqual([8, 16, 24, 30]);
        expect(await store.collection(KEY_DOCUMENTS).count()).toBe(30);
      });

      it('delivers everything again after lost checkpoints without changing a document', async () => {
        await appendHistory();
        const store = await newStore();
        const first = runner(store);
        await first.start();
        await first.catchUp(PATIENCE_MS);
        await first.stop();
        const before = await snapshot(store);
        for (const { name } of ALL_PROJECTIONS) await store.setCheckpoint(name, 0);

        const again = runner(store, { batchSize: 3 });
        await again.start();
        expect(await again.catchUp(PATIENCE_MS)).toBe(true);
        expect(await snapshot(store)).toEqual(before);
      });

      it('catches a projection added later up from the start, while the others skip what they applied', async () => {
        await appendHistory();
        const store = new InterruptibleReadStore(await newStore());
        const keysOnly = runner(store, {}, [runnable(keyProjection)]);
        await keysOnly.start();
        await keysOnly.catchUp(PATIENCE_MS);
        await keysOnly.stop();
        const keysBefore = await everything(store, KEY_DOCUMENTS);

        const all = runner(store);
        await all.start();
        expect(await all.catchUp(PATIENCE_MS)).toBe(true);
        expect(await everything(store, KEY_DOCUMENTS)).toEqual(keysBefore);
        expect(await snapshot(store)).toEqual(await rebuiltSnapshot());
      });

      it('rebuilds every projection to the state live application reached, reporting progress', async () => {
        await appendHistory();
        const head = await append('usage-k2', keyRenamed('k2', 'usage'));
        const store = await newStore();
        const live = runner(store, { batchSize: 2 });
        await live.start();
        await live.catchUp(PATIENCE_MS);
        const before = await snapshot(store);

        const progress: RebuildProgress[] = [];
        const summary = await live.rebuild('all', (step) => progress.push(step));
        expect(summary).toMatchObject({
          projections: ALL_PROJECTIONS.map(({ name }) => name),
          events: head - 2,
        });
        // Pages of two events the projections read (9 and 11 are in a stream none reads), then the head.
        expect(progress.map(({ done }) => done)).toEqual([2, 4, 6, 8, 10, 11]);
        expect(progress.every(({ total }) => total === head)).toBe(true);
        expect(await snapshot(store)).toEqual(before);

        const position = await append('key-k2', keyRenamed('k2', 'after the rebuild'));
        expect(await live.waitForPosition(position, PATIENCE_MS)).toBe(true);
      });

      it('rebuilds one projection and leaves the others as they are', async () => {
        await appendHistory();
        const store = await newStore();
        const live = runner(store);
        await live.start();
        await live.catchUp(PATIENCE_MS);
        const before = await snapshot(store);
        await store.collection(KEY_DOCUMENTS).write([{ id: 'k1', document: null, position: 99 }]);

        expect(await live.rebuild(keyProjection.name)).toMatchObject({
          projections: [keyProjection.name],
          events: 5,
        });
        expect(await snapshot(store)).toEqual(before);
        await expect(live.rebuild('no_such_projection.v1')).rejects.toThrow(RangeError);
      });

      it.each([
        ['in the middle of writing its buffered documents', { midWrite: 2 }],
        ['between writing its buffered documents and their checkpoints', { atCheckpoint: 8 }],
      ])(
        'resumes a rebuild cut short %s, to the state a full rebuild reaches',
        async (_where, interruption) => {
          await appendHistory();
          await appendKeys(10);
          const inner = await newStore();
          // Flushed after every page of four events: later pages find earlier documents stored.
          const options = { batchSize: 4, rebuildBufferDocuments: 1 };
          await runner(inner, options).rebuild();
          const crashing = runner(new InterruptibleReadStore(inner, interruption), options);
          await expect(crashing.rebuild()).rejects.toBeInstanceOf(SimulatedCrash);

          const restarted = runner(inner, options);
          await restarted.start();
          expect(await restarted.catchUp(PATIENCE_MS)).toBe(true);
          expect(await snapshot(inner)).toEqual(await rebuiltSnapshot());
        },
      );

      it.each([
        ['in the middle of writing a batch’s documents', { midWrite: 3 }],
        ['between writing the documents and saving the checkpoint', { atCheckpoint: 2 }],
      ])('converges to a full rebuild after a crash %s', async (_where, interruption) => {
        await appendHistory();
        await appendKeys(10);
        const inner = await newStore();
        const crashing = runner(new InterruptibleReadStore(inner, interruption), { batchSize: 4 });
        await crashing.start();
        expect(await crashing.catchUp(PATIENCE_MS)).toBe(false);
        const { error } = crashing;
        expect(error instanceof ProjectionError ? error.cause : error).toBeInstanceOf(
          SimulatedCrash,
        );
        expect(logger.error).toHaveBeenCalledTimes(1);
        // A store without transactions is left with documents ahead of the checkpoints, whose
        // events the restart delivers again; a transactional one rolled the whole batch back.
        const checkpoints = await Promise.all(
          ALL_PROJECTIONS.map(({ name }) => inner.getCheckpoint(name)),
        );
        const stranded = Object.values(await snapshot(inner)).flat();
        expect(stranded.some(({ position }) => position > Math.min(...checkpoints))).toBe(
          !traits.transactional,
        );

        const restarted = runner(inner, { batchSize: 4 });
        await restarted.start();
        expect(await restarted.catchUp(PATIENCE_MS)).toBe(true);
        expect(await snapshot(inner)).toEqual(await rebuiltSnapshot());
      });

      it('stops on a failing projection without skipping its event, and goes on once it is fixed', async () => {
        await append('key-k1', keyCreated('k1'));
        const failing = await append('key-k1', keyRenamed('k1', 'poison'));
        await append('key-k1', keyRenamed('k1', 'after'));
        const fragile = (
          fixed: boolean,
        ): Projection<{ readonly id: string; readonly names: number }> => ({
          name: 'fragile.v1',
          collection: { name: 'fragile', indexes: [] },
          streamPrefixes: ['key-'],
          documentIds: (event) => [String(event.data.key_id)],
          apply: (document, event) => {
            if (!fixed && event.data.name === 'poison') throw new Error('cannot apply poison');
            return { id: String(event.data.key_id), names: (document?.names ?? 0) + 1 };
          },
        });
        const store = await newStore();
        const broken = runner(store, {}, [runnable(fragile(false))]);
        await broken.start();
        expect(await broken.waitForPosition(failing, PATIENCE_MS)).toBe(false);
        expect(broken.error).toEqual(
          expect.objectContaining({
            name: 'ProjectionError',
            projection: 'fragile.v1',
            position: failing,
            event_type: 'KeyRenamed',
          }),
        );
        expect(broken.error).toBeInstanceOf(ProjectionError);
        expect(logger.error).toHaveBeenCalledWith(
          expect.stringContaining('projection runner stopped'),
          expect.objectContaining({ error: broken.error }),
        );
        expect(await store.getCheckpoint('fragile.v1')).toBeLessThan(failing);

        const repaired = runner(store, {}, [runnable(fragile(true))]);
        await repaired.start();
        expect(await repaired.catchUp(PATIENCE_MS)).toBe(true);
        expect(await store.collection(fragile(true).collection).get('k1')).toEqual({
          id: 'k1',
          names: 3,
        });
      });

      (traits.reopen ? it : it.skip)(
        'resumes every read model after a restart from its checkpoint, to the state a rebuild reaches',
        async () => {
          if (!traits.reopen) throw new Error('a skipped test does not run');
          await appendHistory();
          await append('webhook-w1', webhookCreated('w1', { scope: 'org', org_id: 'org_1' }));
          await append('webhook-w2', webhookCreated('w2'));
          const store = new InterruptibleReadStore(await newStore());
          const before = runner(store);
          await before.start();
          await before.catchUp(PATIENCE_MS);
          await before.stop();
          const applied = before.appliedPosition;

          // Every projection moves on while the process is down.
          await append('key-k2', keyRenamed('k2', 'while down'));
          await append('routing_preference-p3', preferenceCreated('p3'));
          await append('org-org_1', {
            type: 'DefaultPreferenceSet',
            data: { owner: org, preference_id: 'p3', previous_preference_id: 'p2' },
          });
          await append('webhook-w1', {
            type: 'WebhookSubscriptionUpdated',
            data: { subscription_id: 'w1', enabled: false, updated_at: '2026-01-03T00:00:00.000Z' },
          });
          await append('webhook-w2', {
            type: 'WebhookSubscriptionDeleted',
            data: { subscription_id: 'w2', deleted_at: '2026-01-03T00:00:00.000Z' },
          });
          const restarted = new InterruptibleReadStore(
            await traits.reopen(stores.pop() as ReadStore),
          );
          stores.push(restarted);
          for (const { name } of ALL_PROJECTIONS)
            expect(await restarted.getCheckpoint(name)).toBe(applied);
          const after = runner(restarted, { batchSize: 2 });
          await after.start();
          expect(await after.catchUp(PATIENCE_MS)).toBe(true);
          // It resumed: the first batch it saved ends two events past the old checkpoint.
          expect(restarted.savedCheckpoints[0]?.position).toBe(applied + 2);
          expect(await snapshot(restarted)).toEqual(await rebuiltSnapshot());
        },
      );

      it('starts a projection that never ran on an empty collection, whatever an earlier version left', async () => {
        await appendHistory();
        const store = await newStore();
        const leftover = project(keyProjection, history(['key-old', keyCreated('old')])).get('old');
        if (!leftover) throw new Error('the key projection made no document');
        await store
          .collection(KEY_DOCUMENTS)
          .write([{ id: 'old', document: leftover, position: 1_000 }]);
        const fresh = runner(store);
        await fresh.start();
        expect(await fresh.catchUp(PATIENCE_MS)).toBe(true);
        expect(await store.collection(KEY_DOCUMENTS).get('old')).toBeNull();
        expect(await snapshot(store)).toEqual(await rebuiltSnapshot());
      });

      it('counts positions in streams no projection reads as reached', async () => {
        const unrelated = await append('usage-k1', keyRenamed('k1', 'usage'));
        const idle = runner(await newStore());
        expect(await idle.waitForPosition(unrelated, PATIENCE_MS)).toBe(true);
      });

      it('lets an API that shares a projector wait on the checkpoints it stores', async () => {
        const shared = await newStore();
        const projector = runner(shared);
        const follower = runner(shared);
        follower.observe(5);
        const position = await append('key-k1', keyCreated('k1'));
        expect(await follower.waitForPosition(position, 50)).toBe(false);
        await projector.start();
        expect(await follower.waitForPosition(position, PATIENCE_MS)).toBe(true);
        await follower.stop();
        const later = await append('key-k2', keyCreated('k2'));
        expect(await projector.waitForPosition(later, PATIENCE_MS)).toBe(true);
        // Stopped, the follower no longer reads checkpoints.
        expect(await follower.waitForPosition(later, 50)).toBe(false);
      });

      it('answers false when a position is not reached within the wait', async () => {
        const position = await append('key-k1', keyCreated('k1'));
        const stopped = runner(await newStore());
        expect(await stopped.waitForPosition(position, 20)).toBe(false);
      });

      it('reports how far a stopped runner trails the head, by its clock', async () => {
        await append('key-k1', keyCreated('k1'));
        const now = new Date('2100-01-01T00:00:00.000Z');
        const store = await newStore();
        const behind = runner(store, { clock: { now: () => now } });
        await behind.start();
        await behind.catchUp(PATIENCE_MS);
        await behind.stop();
        const first = await append('key-k2', keyCreated('k2'));
        const head = await append('usage-k2', keyRenamed('k2', 'usage'));
        const [oldest] = await events.readAll({ fromPosition: first - 1, maxCount: 1 });
        expect(await behind.lag()).toEqual({
          head_position: head,
          checkpoint: first - 1,
          behind_events: 2,
          behind_ms: now.getTime() - Date.parse(oldest.recorded_at),
        });
      });

      it('finishes the batch in flight before it stops', async () => {
        let release: () => void = () => undefined;
        let entered: () => void = () => undefined;
        const inFlight = new Promise<void>((resolve) => (entered = resolve));
        const gate = new Promise<void>((resolve) => (release = resolve));
        const slow: RunnableProjection = {
          name: 'slow.v1',
          streamPrefixes: ['key-'],
          applyEvents: async () => {
            entered();
            await gate;
          },
          dropDocuments: async () => undefined,
        };
        const position = await append('key-k1', keyCreated('k1'));
        const store = await newStore();
        const running = runner(store, {}, [slow]);
        await running.start();
        await inFlight;
        const stopped = running.stop();
        release();
        await stopped;
        expect(await store.getCheckpoint('slow.v1')).toBe(position);
      });
    },
  );
}
