import fc from 'fast-check';
import { LimitReset } from '@keyledger/domain';
import { MemoryReadStore } from '@keyledger/read-models';
import { PendingUsage } from './pending-usage';
import { CAP_PERIODS } from './request-caps';
import { ResolutionModel } from './resolution-model';
import { RESOLUTION_PROJECTION, resolutionProjection } from './resolution.projection';
import { loadResolutionSnapshot } from './resolution-snapshot';
import { Resolver } from './resolver';
import { EventLog, keyCreated, secretOf, testSettings } from './testing';

/** One gateway instance: its model, what it has not flushed, and how far it read the shared log. */
interface Instance {
  readonly model: ResolutionModel;
  readonly pending: PendingUsage;
  readonly resolver: Resolver;
  cursor: number;
}

type Op =
  | {
      readonly kind: 'resolve' | 'usage';
      readonly on: number;
      readonly key: number;
      readonly cost: number;
      readonly byok: boolean;
    }
  | { readonly kind: 'flush' | 'deliver'; readonly on: number }
  | { readonly kind: 'reset'; readonly on: number; readonly key: number }
  | { readonly kind: 'wait'; readonly ms: number };

const START = Date.parse('2026-12-31T23:58:30.000Z'); // crosses a minute, day, month and year soon
const KEYS: readonly [number, LimitReset | null, number | null, boolean][] = [
  [1, 'daily', 3, true],
  [2, 'weekly', 2, false],
  [3, 'monthly', null, false],
  [4, null, 4, true],
];

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('resolve' as const, 'usage' as const),
    on: fc.integer({ min: 0, max: 1 }),
    key: fc.integer({ min: 1, max: KEYS.length }),
    cost: fc.double({ min: 0, max: 2, noNaN: true }),
    byok: fc.boolean(),
  }),
  fc.record({
    kind: fc.constantFrom('flush' as const, 'deliver' as const),
    on: fc.integer({ min: 0, max: 1 }),
  }),
  fc.record({
    kind: fc.constant('reset' as const),
    on: fc.integer({ min: 0, max: 1 }),
    key: fc.integer({ min: 1, max: KEYS.length }),
  }),
  fc.record({
    kind: fc.constant('wait' as const),
    ms: fc.oneof(fc.integer({ min: 0, max: 90_000 }), fc.integer({ min: 0, max: 3 * 86_400_000 })),
  }),
);

/** Two instances on one shared log, keys created and delivered to both. */
function world() {
  const log = new EventLog();
  const settings = testSettings();
  const instances: Instance[] = ['a', 'b'].map((id) => {
    const model = new ResolutionModel(id);
    const pending = new PendingUsage(id);
    return { model, pending, resolver: new Resolver(model, pending, settings), cursor: 0 };
  });
  const deliver = (instance: Instance): void => {
    for (const event of log.events.slice(instance.cursor)) instance.model.apply(event);
    instance.cursor = log.events.length;
  };
  const flush = (instance: Instance): void => {
    for (const [keyId, events] of instance.pending.drain()) {
      for (const event of events) log.record(`key_usage-${keyId}`, event);
    }
  };
  KEYS.forEach(([n, limit_reset, limit, include_byok_in_limit]) =>
    log.record(
      `key-k${n}`,
      keyCreated(n, { limit, limit_reset, include_byok_in_limit, owner_user_id: `u${n % 2}` }),
    ),
  );
  instances.forEach(deliver);
  return { log, instances, deliver, flush };
}

/** Plays `ops` on two instances sharing one log; everything is flushed and delivered at the end. */
function play(ops: readonly Op[]): {
  readonly log: EventLog;
  readonly instances: Instance[];
  readonly now: number;
} {
  const { log, instances, deliver, flush } = world();
  let now = START;
  for (const step of ops) {
    if (step.kind === 'wait') {
      now += step.ms;
      continue;
    }
    const instance = instances[step.on];
    const secret = secretOf(
      step.kind === 'resolve' || step.kind === 'usage' || step.kind === 'reset' ? step.key : 0,
    );
    if (step.kind === 'resolve') void instance.resolver.resolve({ secret }, new Date(now));
    if (step.kind === 'usage')
      instance.resolver.recordUsage({ secret, cost: step.cost, byok: step.byok }, new Date(now));
    if (step.kind === 'flush') flush(instance);
    if (step.kind === 'deliver') deliver(instance);
    if (step.kind === 'reset') {
      // The writing instance applies its own change at once, as catchUpStream does.
      const reset = log.record(`key-k${step.key}`, {
        type: 'KeyLimitReset',
        data: {
          key_id: `k${step.key}`,
          reason: 'spec',
          reset_at: new Date(now).toISOString(),
        },
      });
      instance.model.apply(reset, false);
    }
  }
  instances.forEach(flush);
  instances.forEach(deliver);
  return { log, instances, now };
}

/** A model that replayed every event of the log. */
function replayed(log: EventLog): ResolutionModel {
  const model = new ResolutionModel('rebuild');
  log.events.forEach((event) => model.apply(event));
  return model;
}

/** Requires identical usage figures, limit states and user request counts around `now`. */
function expectSameFigures(actual: ResolutionModel, expected: ResolutionModel, now: number): void {
  const [actualResolver, expectedResolver] = [actual, expected].map(
    (model) => new Resolver(model, new PendingUsage('check'), testSettings()),
  );
  for (const at of [now, now + 61_000, now + 86_400_000]) {
    for (const [n] of KEYS)
      expect(actualResolver.usage(`k${n}`, new Date(at))).toEqual(
        expectedResolver.usage(`k${n}`, new Date(at)),
      );
    for (const user of ['u0', 'u1']) {
      for (const period of CAP_PERIODS)
        expect(actual.requests.made(user, period, at)).toBe(
          expected.requests.made(user, period, at),
        );
    }
  }
}

describe('rebuild equals live', () => {
  it('gives every instance and a rebuild from the log the same usage figures', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const { log, instances, now } = play(ops);
        const rebuilt = replayed(log);
        for (const instance of instances) expectSameFigures(instance.model, rebuilt, now);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a start from the snapshot equals a start from a full replay', () => {
  /**
   * The snapshot as the runner leaves it: every event up to `checkpoint` projected and
   * checkpointed, and then a batch cut short: some keys' documents written up to `cutAt`.
   */
  async function snapshotOf(
    log: EventLog,
    checkpoint: number,
    cutAt: number,
    writtenKeys: readonly number[],
  ): Promise<MemoryReadStore> {
    const store = new MemoryReadStore();
    const upTo = log.events.filter((event) => event.position <= checkpoint);
    for (let from = 0; from < upTo.length; from += 7)
      await RESOLUTION_PROJECTION.applyEvents(store, upTo.slice(from, from + 7));
    await store.setCheckpoint(resolutionProjection.name, checkpoint);
    const written = new Set(writtenKeys.map((n) => `k${n}`));
    await RESOLUTION_PROJECTION.applyEvents(
      store,
      log.events.filter(
        (event) =>
          event.position > checkpoint &&
          event.position <= cutAt &&
          written.has(String(event.data.key_id)),
      ),
    );
    return store;
  }

  it('holds the same keys, usage windows and request counts, and admits the same requests after', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 10, maxLength: 80 }),
        // Where the checkpoint and the cut-short batch fall, in thousandths of the log.
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.subarray(KEYS.map(([n]) => n)),
        async (ops, checkpointAt, cutAt, writtenKeys) => {
          const { log, now } = play(ops);
          const head = log.events.length;
          const checkpoint = Math.max(1, Math.round((checkpointAt / 1000) * head));
          const cut = checkpoint + Math.round((cutAt / 1000) * (head - checkpoint));
          const store = await snapshotOf(log, checkpoint, cut, writtenKeys);

          const started = new ResolutionModel('started');
          expect(await loadResolutionSnapshot(store, started)).toMatchObject({ checkpoint });
          log.events.slice(started.position).forEach((event) => started.apply(event));
          const rebuilt = replayed(log);
          expect(started.position).toBe(rebuilt.position);
          expectSameFigures(started, rebuilt, now);

          // Reservations are this process's own: neither start holds any, so both admit alike.
          const [startedResolver, rebuiltResolver] = [started, rebuilt].map(
            (model) => new Resolver(model, new PendingUsage('after'), testSettings()),
          );
          for (let request = 0; request < 4; request++) {
            for (const [n] of KEYS) {
              const at = new Date(now + request);
              expect(startedResolver.resolve({ secret: secretOf(n) }, at)).toEqual(
                rebuiltResolver.resolve({ secret: secretOf(n) }, at),
              );
            }
          }
          expectSameFigures(started, rebuilt, now);
        },
      ),
      {
        numRuns: 150,
        // Usage counted before a reset and flushed after it: reported, no longer limiting.
        examples: [
          [
            [
              { kind: 'usage', on: 0, key: 4, cost: 1, byok: false },
              { kind: 'reset', on: 1, key: 4 },
              { kind: 'flush', on: 0 },
              { kind: 'usage', on: 1, key: 4, cost: 2, byok: false },
              { kind: 'flush', on: 1 },
            ],
            1000,
            0,
            [],
          ],
        ],
      },
    );
  });

  it('is no snapshot before the projection has run', async () => {
    expect(
      await loadResolutionSnapshot(new MemoryReadStore(), new ResolutionModel('x')),
    ).toBeNull();
  });
});
