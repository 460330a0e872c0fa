import { EventStore, SqliteEventStore } from '@keyledger/event-store';
import { temporaryDatabaseFile, testMetadata } from '@keyledger/event-store/testing';
import {
  MemoryReadStore,
  ProjectionRunner,
  ReadStore,
  SqliteReadStore,
} from '@keyledger/read-models';
import { preferenceCreated } from '@keyledger/read-models/testing/routing-preference-events';
import { InterruptibleReadStore } from '@keyledger/read-models/store/testing/interruptible-read-store';
import { mongoTestStores } from '@keyledger/read-models/store/testing/mongo-test-stores';
import { ResolutionEngine } from './resolution-engine';
import { RESOLUTION_PROJECTION, resolutionProjection } from './resolution.projection';
import {
  answeredAtOnce,
  keyCreated,
  keyEventOf,
  secretOf,
  testSettings,
  toNewEvent,
} from './testing';

const T = '2026-03-31T23:59:30.000Z';
const at = (iso: string): Date => new Date(iso);
const clock = { now: () => at(T) };
/** A bound for waits, never an assertion about time. */
const PATIENCE_MS = 10_000;
const logger = { error: () => undefined };

const append = (store: EventStore, stream: string, event: { type: string; data: object }) =>
  store.append(stream, [toNewEvent(event)], { expectedRevision: 'any', metadata: testMetadata() });

/** The usage, limit state and routing an engine answers for each key, around the month's end. */
const answers = (engine: ResolutionEngine) =>
  ['k1', 'k2', 'k3'].flatMap((id) =>
    [T, '2026-04-01T00:00:10.000Z'].map((now) => engine.usage(id, at(now))),
  );

/** A MongoDB read store per test when `MONGO_URL` names a server (FerretDB in CI), else none. */
const openMongo = mongoTestStores();

describe('ResolutionEngine started from the resolution snapshot', () => {
  let database: ReturnType<typeof temporaryDatabaseFile>;
  const stores: EventStore[] = [];
  const engines: ResolutionEngine[] = [];
  const readStores: ReadStore[] = [];

  /** Another process: its own store object and engine, from the snapshot when given a read store. */
  const openInstance = async (snapshot?: ReadStore) => {
    const store = new SqliteEventStore({ file: database.file, pollIntervalMs: 5 });
    stores.push(store);
    const settings = testSettings({ flushIntervalMs: 60_000 });
    const engine = await ResolutionEngine.open(store, settings, { clock, snapshot });
    engines.push(engine);
    return { store, engine };
  };

  /** A projector running the resolution projection into `readStore`, two events a batch. */
  const projector = (events: EventStore, readStore: ReadStore): ProjectionRunner =>
    new ProjectionRunner(events, readStore, [RESOLUTION_PROJECTION], { logger, batchSize: 2 });

  beforeEach(() => {
    database = temporaryDatabaseFile();
  });

  afterEach(async () => {
    for (const engine of engines.splice(0)) await engine.close();
    for (const store of stores.splice(0)) await store.close();
    for (const store of readStores.splice(0)) await store.close();
    database.remove();
  });

  const readStoresToTry: [string, (() => Promise<ReadStore>) | null][] = [
    ['in memory', async () => new MemoryReadStore()],
    ['in MongoDB (MONGO_URL)', openMongo],
  ];
  describe.each(readStoresToTry)('with the snapshot %s', (_name, openReadStore) => {
    (openReadStore ? it : it.skip)(
      'answers as a full replay does, from a snapshot cut short past its checkpoint and from a caught-up one',
      async () => {
        if (!openReadStore) throw new Error('a skipped test does not run');
        const memory = await openReadStore();
        readStores.push(memory);
        const live = await openInstance();
        const events = live.store;
        await append(events, 'routing_preference-p1', preferenceCreated('p1'));
        await append(events, 'org-org_1', {
          type: 'DefaultPreferenceSet',
          data: {
            owner: { kind: 'org', org_id: 'org_1' },
            preference_id: 'p1',
            previous_preference_id: null,
          },
        });
        await append(events, 'key-k1', keyCreated(1, { limit: 5, limit_reset: 'monthly' }));
        await append(events, 'key-k2', keyCreated(2, { org_id: 'org_1', scope: 'org' }));
        await append(events, 'key-k3', keyCreated(3, { plan_tier: 'free', limit: 2 }));
        for (const n of [1, 2, 3]) await live.engine.catchUpStream(`key-k${n}`);
        for (const [n, cost] of [
          [1, 1.5],
          [2, 0.25],
          [3, 0.5],
          [1, 2],
        ] as const) {
          expect(answeredAtOnce(live.engine.resolve({ secret: secretOf(n) }, at(T))).ok).toBe(true);
          live.engine.recordUsage({ secret: secretOf(n), cost, byok: n === 2 }, at(T));
          await live.engine.flush();
        }
        await append(
          events,
          'key-k1',
          keyEventOf(1, { type: 'KeyLimitReset', data: { reason: 'budget', reset_at: T } }),
        );
        await append(
          events,
          'key-k3',
          keyEventOf(3, { type: 'KeyDisabled', data: { reason: 'spec', disabled_at: T } }),
        );

        // The projector dies at its third checkpoint: documents stand past the stored checkpoint.
        const crashing = projector(events, new InterruptibleReadStore(memory, { atCheckpoint: 3 }));
        await crashing.start();
        expect(await crashing.catchUp(PATIENCE_MS)).toBe(false);
        const checkpoint = await memory.getCheckpoint(resolutionProjection.name);
        expect(checkpoint).toBeGreaterThan(0);
        expect(checkpoint).toBeLessThan(await events.headPosition());

        const replayed = await openInstance();
        const cutShort = await openInstance(memory);
        expect(cutShort.engine.loadedSnapshot).toMatchObject({ checkpoint });
        expect(replayed.engine.loadedSnapshot).toBeNull();
        expect(answers(cutShort.engine)).toEqual(answers(replayed.engine));
        expect(answers(cutShort.engine)).toEqual(answers(live.engine));

        // Restarted on the same store, the projector catches up; a start from there agrees too.
        const runner = projector(events, memory);
        await runner.start();
        expect(await runner.catchUp(PATIENCE_MS)).toBe(true);
        await runner.stop();
        const caughtUp = await openInstance(memory);
        expect(caughtUp.engine.loadedSnapshot).toMatchObject({
          checkpoint: await events.headPosition(),
        });
        expect(answers(caughtUp.engine)).toEqual(answers(replayed.engine));

        // After the start, both follow the same live usage and refuse alike.
        answeredAtOnce(live.engine.resolve({ secret: secretOf(1) }, at(T)));
        live.engine.recordUsage({ secret: secretOf(1), cost: 4.5 }, at(T));
        await live.engine.flush();
        const head = await events.headPosition();
        for (const instance of [replayed, cutShort, caughtUp])
          expect(await instance.engine.waitForPosition(head, PATIENCE_MS)).toBe(true);
        expect(answers(caughtUp.engine)).toEqual(answers(replayed.engine));
        expect(answers(cutShort.engine)).toEqual(answers(replayed.engine));
        for (const n of [1, 2, 3]) {
          const outcome = replayed.engine.resolve({ secret: secretOf(n) }, at(T));
          expect(caughtUp.engine.resolve({ secret: secretOf(n) }, at(T))).toEqual(outcome);
          expect(cutShort.engine.resolve({ secret: secretOf(n) }, at(T))).toEqual(outcome);
        }
        expect(cutShort.engine.resolve({ secret: secretOf(2) }, at(T))).toMatchObject({
          ok: true,
          routing: { source: 'org_default', preference_id: 'p1' },
        });
      },
    );
  });

  it('starts from a SQLite snapshot of more documents than one read batch, answering as a full replay does', async () => {
    const { store } = await openInstance();
    const keys = Array.from({ length: 2_500 }, (_, i) => i + 1);
    // Every fifth key limited, every seventh revoked, every eleventh in an org: not one shape.
    await store.appendBatch(
      keys.map((n) => ({
        stream: `key-k${n}`,
        events: [
          toNewEvent(
            keyCreated(n, {
              limit: n % 5 === 0 ? n : null,
              limit_reset: n % 5 === 0 ? 'daily' : null,
              org_id: n % 11 === 0 ? `org_${n % 3}` : null,
              scope: n % 11 === 0 ? 'org' : 'personal',
              owner_user_id: `u${n % 97}`,
            }),
          ),
          ...(n % 7 === 0
            ? [
                toNewEvent(
                  keyEventOf(n, { type: 'KeyRevoked', data: { reason: null, revoked_at: T } }),
                ),
              ]
            : []),
        ],
        options: { expectedRevision: 'no_stream', metadata: testMetadata() },
      })),
    );
    const snapshotFile = temporaryDatabaseFile();
    try {
      const sqlite = new SqliteReadStore({ file: snapshotFile.file });
      readStores.push(sqlite);
      const runner = new ProjectionRunner(store, sqlite, [RESOLUTION_PROJECTION], { logger });
      await runner.start();
      expect(await runner.catchUp(PATIENCE_MS)).toBe(true);
      await runner.stop();

      const replayed = await openInstance();
      const restarted = await openInstance(sqlite);
      expect(restarted.engine.loadedSnapshot).toMatchObject({ documents: keys.length });
      const outcomes = (engine: ResolutionEngine) =>
        keys.map((n) => engine.resolve({ secret: secretOf(n) }, at(T)));
      expect(outcomes(restarted.engine)).toEqual(outcomes(replayed.engine));
    } finally {
      snapshotFile.remove();
    }
  });

  it('replays the event store when the read store holds no snapshot yet', async () => {
    const { store } = await openInstance();
    await append(store, 'key-k1', keyCreated(1));
    const { engine } = await openInstance(new MemoryReadStore());
    expect(engine.loadedSnapshot).toBeNull();
    expect(answeredAtOnce(engine.resolve({ secret: secretOf(1) }, at(T))).ok).toBe(true);
  });
});
