import { keyUsageStream } from '@keyledger/domain/usage/usage.events';
import { EventStore, SqliteEventStore } from '@keyledger/event-store';
import { temporaryDatabaseFile, testMetadata } from '@keyledger/event-store/testing';
import { ResolutionEngine } from './resolution-engine';
import { ResolveOutcome } from './resolve-outcome';
import {
  answeredAtOnce,
  keyCreated,
  keyEventOf,
  secretOf,
  testSettings,
  toNewEvent,
} from './testing';

const T = '2026-03-10T12:00:00.000Z';
const at = (iso: string): Date => new Date(iso);
const clock = { now: () => at(T) };
/** A bound for waits, never an assertion about time. */
const PATIENCE_MS = 10_000;

const append = (store: EventStore, stream: string, event: { type: string; data: object }) =>
  store.append(stream, [toNewEvent(event)], { expectedRevision: 'any', metadata: testMetadata() });

const admittedCount = (outcomes: readonly ResolveOutcome[]): number =>
  outcomes.filter((outcome) => outcome.ok).length;

describe('ResolutionEngine over SQLite', () => {
  let database: ReturnType<typeof temporaryDatabaseFile>;
  const stores: EventStore[] = [];
  const engines: ResolutionEngine[] = [];

  /** Another process's view of the file: its own store object and engine. */
  const openInstance = async (overrides: Parameters<typeof testSettings>[0] = {}) => {
    const store = new SqliteEventStore({ file: database.file, pollIntervalMs: 5 });
    stores.push(store);
    const engine = await ResolutionEngine.open(
      store,
      testSettings({ flushIntervalMs: 60_000, ...overrides }),
      {
        clock,
      },
    );
    engines.push(engine);
    return { store, engine };
  };

  beforeEach(() => {
    database = temporaryDatabaseFile();
  });

  afterEach(async () => {
    for (const engine of engines.splice(0)) await engine.close();
    for (const store of stores.splice(0)) await store.close();
    database.remove();
  });

  it('loads the keys stored before it opened and follows the ones created after', async () => {
    const { store } = await openInstance();
    await append(store, 'key-k1', keyCreated(1));
    const { engine } = await openInstance();
    expect(answeredAtOnce(engine.resolve({ secret: secretOf(1) }, at(T))).ok).toBe(true);
    const { position } = await append(store, 'key-k2', keyCreated(2));
    expect(await engine.waitForPosition(position, PATIENCE_MS)).toBe(true);
    expect(answeredAtOnce(engine.resolve({ secret: secretOf(2) }, at(T))).ok).toBe(true);
  });

  it('refuses a revoked key on the revoking instance as soon as it applied the stream', async () => {
    const { store, engine } = await openInstance();
    const other = await openInstance();
    await append(store, 'key-k1', keyCreated(1));
    await engine.catchUpStream('key-k1');
    expect(answeredAtOnce(engine.resolve({ secret: secretOf(1) }, at(T))).ok).toBe(true);

    const { position } = await append(
      store,
      'key-k1',
      keyEventOf(1, { type: 'KeyRevoked', data: { reason: 'leak', revoked_at: T } }),
    );
    await engine.catchUpStream('key-k1');
    expect(answeredAtOnce(engine.resolve({ secret: secretOf(1) }, at(T)))).toMatchObject({
      code: 'invalid_api_key',
    });

    expect(await other.engine.waitForPosition(position, PATIENCE_MS)).toBe(true);
    expect(answeredAtOnce(other.engine.resolve({ secret: secretOf(1) }, at(T)))).toMatchObject({
      code: 'invalid_api_key',
    });
  });

  it('refuses to catch up a usage stream out of order', async () => {
    const { engine } = await openInstance();
    await expect(engine.catchUpStream(keyUsageStream('k1'))).rejects.toThrow(RangeError);
  });

  it('rebuilds from the store exactly the usage it counted live', async () => {
    const { store, engine } = await openInstance();
    await append(
      store,
      'key-k1',
      keyCreated(1, { limit: 5, limit_reset: 'monthly', include_byok_in_limit: true }),
    );
    await append(store, 'key-k2', keyCreated(2, { limit: 5, limit_reset: 'daily' }));
    await engine.catchUpStream('key-k1');
    await engine.catchUpStream('key-k2');
    const times = [
      '2026-03-31T23:59:59.000Z',
      '2026-04-01T00:00:00.000Z',
      '2026-04-01T00:01:30.000Z',
    ];
    for (const [i, time] of times.entries()) {
      for (const n of [1, 2]) {
        answeredAtOnce(engine.resolve({ secret: secretOf(n) }, at(time)));
        engine.recordUsage(
          { secret: secretOf(n), cost: 0.1 * (i + 1), byok: i === 1, model: 'm' },
          at(time),
        );
      }
      if (i === 1) {
        await append(
          store,
          'key-k1',
          keyEventOf(1, { type: 'KeyLimitReset', data: { reason: 'budget', reset_at: time } }),
        );
        await engine.catchUpStream('key-k1');
      }
    }
    await engine.flush();

    const rebuilt = await openInstance();
    for (const now of ['2026-04-01T00:01:30.000Z', '2026-04-02T00:00:00.000Z']) {
      for (const id of ['k1', 'k2']) {
        expect(rebuilt.engine.usage(id, at(now))).toEqual(engine.usage(id, at(now)));
      }
    }
    expect(engine.usage('k1', at('2026-04-01T00:01:30.000Z'))).toMatchObject({
      usage: 0.4,
      usage_monthly: 0.3,
      byok_usage: 0.2,
      requests: 3,
      limit: { remaining: 4.7 },
    });
  });

  it('flushes what is left on close, as auditable events without the secret', async () => {
    const { store, engine } = await openInstance();
    await append(store, 'key-k1', keyCreated(1, { org_id: 'org_1', scope: 'org' }));
    await engine.catchUpStream('key-k1');
    answeredAtOnce(engine.resolve({ secret: secretOf(1) }, at(T)));
    engine.recordUsage({ secret: secretOf(1), cost: 0.5, model: 'openai/gpt-4o' }, at(T));
    await engine.close();
    engines.splice(engines.indexOf(engine), 1);

    const [event, ...rest] = await store.readStream(keyUsageStream('k1'));
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      type: 'KeyUsageRecorded',
      data: {
        key_id: 'k1',
        requests: 1,
        cost: 0.5,
        by_model: { 'openai/gpt-4o': { reports: 1, cost: 0.5 } },
      },
      metadata: { actor: { kind: 'api_key', id: 'k1' }, org_id: 'org_1', occurred_at: T },
    });
    expect(JSON.stringify(await store.readAll())).not.toContain(secretOf(1).slice(3));
    const reopened = await openInstance();
    expect(reopened.engine.usage('k1', at(T))).toMatchObject({ usage: 0.5, requests: 1 });
  });

  it('keeps usage whose append failed and appends it at the next flush', async () => {
    const { store, engine } = await openInstance();
    await append(store, 'key-k1', keyCreated(1));
    await engine.catchUpStream('key-k1');
    engine.recordUsage({ secret: secretOf(1), cost: 1 }, at(T));
    const realAppend = store.appendBatch.bind(store);
    const failing = jest.spyOn(store, 'appendBatch').mockRejectedValueOnce(new Error('disk full'));
    await expect(engine.flush()).rejects.toThrow('not flushed');
    failing.mockImplementation(realAppend);
    engine.recordUsage({ secret: secretOf(1), cost: 2 }, at(T));
    await engine.flush();
    const events = await store.readStream(keyUsageStream('k1'));
    expect(events.map((event) => event.data.cost)).toEqual([1, 2]);
  });

  describe('two instances on one store', () => {
    it('overshoots a limit by no more than what the other instance had not flushed yet', async () => {
      const a = await openInstance();
      const b = await openInstance();
      const { position } = await append(a.store, 'key-k1', keyCreated(1, { limit: 10 }));
      expect(await a.engine.waitForPosition(position, PATIENCE_MS)).toBe(true);
      expect(await b.engine.waitForPosition(position, PATIENCE_MS)).toBe(true);
      const spend = (engine: ResolutionEngine, requests: number) =>
        Array.from({ length: requests }, () => {
          const outcome = answeredAtOnce(engine.resolve({ secret: secretOf(1) }, at(T)));
          if (outcome.ok) engine.recordUsage({ secret: secretOf(1), cost: 1 }, at(T));
          return outcome;
        });

      // A spends 6 credits within one flush interval: B cannot know yet.
      expect(admittedCount(spend(a.engine, 6))).toBe(6);
      // B alone is exact: it admits the 10 credits it believes are left, not one more.
      expect(admittedCount(spend(b.engine, 50))).toBe(10);

      // Once A's usage reached B (flush + subscription), B refuses; and the other way round.
      await a.engine.flush();
      expect(await b.engine.waitForPosition(await b.store.headPosition(), PATIENCE_MS)).toBe(true);
      expect(answeredAtOnce(b.engine.resolve({ secret: secretOf(1) }, at(T)))).toMatchObject({
        code: 'limit_exceeded',
      });
      await b.engine.flush();
      expect(await a.engine.waitForPosition(await a.store.headPosition(), PATIENCE_MS)).toBe(true);
      expect(admittedCount(spend(a.engine, 50))).toBe(0);
      expect(a.engine.usage('k1', at(T))).toEqual(b.engine.usage('k1', at(T)));
      // The overshoot: limit 10 + the 6 credits A admitted before its flush reached B.
      expect(a.engine.usage('k1', at(T))).toMatchObject({
        usage: 16,
        requests: 16,
        limit: { remaining: 0 },
      });
    });

    it('shares the per-user request caps through the usage events', async () => {
      const a = await openInstance();
      const b = await openInstance();
      await append(a.store, 'key-k1', keyCreated(1, { plan_tier: 'free' }));
      const { position } = await append(a.store, 'key-k2', keyCreated(2, { plan_tier: 'free' }));
      await a.engine.waitForPosition(position, PATIENCE_MS);
      for (let i = 0; i < 5; i++)
        expect(answeredAtOnce(a.engine.resolve({ secret: secretOf(1) }, at(T))).ok).toBe(true);
      await a.engine.flush();
      expect(await b.engine.waitForPosition(await b.store.headPosition(), PATIENCE_MS)).toBe(true);
      expect(answeredAtOnce(b.engine.resolve({ secret: secretOf(2) }, at(T)))).toMatchObject({
        code: 'request_limit_exceeded',
        retry_after: 60,
      });
    });
  });
});
