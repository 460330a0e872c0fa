import fc from 'fast-check';
import { LimitReset } from '@keyledger/domain';
import { PendingUsage } from './pending-usage';
import { CAP_PERIODS } from './request-caps';
import { ResolutionModel } from './resolution-model';
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

describe('rebuild equals live', () => {
  it('gives every instance and a rebuild from the log the same usage figures', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const { log, instances, deliver, flush } = world();
        let now = START;
        for (const step of ops) {
          if (step.kind === 'wait') {
            now += step.ms;
            continue;
          }
          const instance = instances[step.on];
          const secret = secretOf(
            step.kind === 'resolve' || step.kind === 'usage' || step.kind === 'reset'
              ? step.key
              : 0,
          );
          if (step.kind === 'resolve') instance.resolver.resolve({ secret }, new Date(now));
          if (step.kind === 'usage')
            instance.resolver.recordUsage(
              { secret, cost: step.cost, byok: step.byok },
              new Date(now),
            );
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
        const rebuilt = new ResolutionModel('rebuild');
        log.events.forEach((event) => rebuilt.apply(event));
        const rebuiltResolver = new Resolver(rebuilt, new PendingUsage('rebuild'), testSettings());

        for (const at of [now, now + 61_000, now + 86_400_000]) {
          for (const [n] of KEYS) {
            const expected = rebuiltResolver.usage(`k${n}`, new Date(at));
            for (const instance of instances)
              expect(instance.resolver.usage(`k${n}`, new Date(at))).toEqual(expected);
          }
          for (const user of ['u0', 'u1']) {
            for (const period of CAP_PERIODS) {
              const expected = rebuilt.requests.made(user, period, at);
              for (const instance of instances)
                expect(instance.model.requests.made(user, period, at)).toBe(expected);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
