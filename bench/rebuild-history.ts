import {
  Decider,
  defaultPreferenceDecider,
  keyDecider,
  routingPreferenceDecider,
} from '@keyledger/domain';
import { EventMetadata, EventStore, NewEvent } from '@keyledger/event-store';
import {
  keyLifecycle,
  Lifecycle,
  LifecycleContext,
  LifecycleStep,
  orgLifecycle,
} from './rebuild-lifecycles';

/** One append as a command handler makes it: the events decided on one stream, and who asked. */
export interface HistoryAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly metadata: EventMetadata;
}

/** How much history to make; the same seed makes the same history. */
export interface HistoryOptions {
  /** Stop once at least this many events are made (the last append may carry a few more). */
  readonly events: number;
  readonly seed?: number;
}

/** Lifecycles under way at once: the global order interleaves streams as concurrent callers do. */
const CONCURRENT_LIFECYCLES = 64;
const KEYS_PER_ORG = 40;
const PREFERENCES_PER_ORG = 3;
const SECONDS_BETWEEN_COMMANDS = 7;

/** Aggregate states by stream, so each command is decided on what its stream already holds. */
class StreamStates<C, E, S> {
  private readonly states = new Map<string, S>();

  constructor(private readonly decider: Decider<C, E, S>) {}

  decide(stream: string, command: C): E[] {
    const state = this.states.get(stream) ?? this.decider.initialState;
    const events = this.decider.decide(command, state);
    this.states.set(stream, events.reduce(this.decider.evolve, state));
    return events;
  }
}

/** Mulberry32: a tiny seeded generator, so a benchmark's history is the same on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A governance history decided by the domain's own deciders: orgs setting up team routing and
 * keys living out their lifecycles (see rebuild-lifecycles.ts), interleaved.
 */
export function* governanceHistory(options: HistoryOptions): Generator<HistoryAppend> {
  const random = seededRandom(options.seed ?? 1);
  let time = Date.UTC(2026, 0, 1);
  const context: LifecycleContext = { random, now: () => new Date(time).toISOString() };
  const keys = new StreamStates(keyDecider);
  const preferences = new StreamStates(routingPreferenceDecider);
  const defaults = new StreamStates(defaultPreferenceDecider);
  const decide = (step: LifecycleStep): readonly { type: string; data: object }[] => {
    if (step.aggregate === 'key') return keys.decide(step.stream, step.command);
    if (step.aggregate === 'preference') return preferences.decide(step.stream, step.command);
    return defaults.decide(step.stream, step.command);
  };

  let born = 0;
  let org = { id: 'org-0', preferenceIds: [] as string[] };
  const running: Lifecycle[] = [];
  const startNext = (): void => {
    if (born % KEYS_PER_ORG === 0) {
      const id = `org${born / KEYS_PER_ORG}`;
      org = {
        id,
        preferenceIds: Array.from({ length: PREFERENCES_PER_ORG }, (_, i) => `${id}-p${i}`),
      };
      running.push(orgLifecycle(org.id, org.preferenceIds, context));
    }
    const key_id = `k${born}`;
    const inOrg = random() < 0.5;
    running.push(
      keyLifecycle({ key_id, owner_user_id: `u${born % 997}`, org: inOrg ? org : null }, context),
    );
    born++;
  };

  let made = 0;
  let request = 0;
  while (made < options.events) {
    while (running.length < CONCURRENT_LIFECYCLES) startNext();
    const index = Math.floor(random() * running.length);
    const next = running[index].next();
    if (next.done) {
      running.splice(index, 1);
      continue;
    }
    time += SECONDS_BETWEEN_COMMANDS * 1000;
    const step = next.value;
    const events = decide(step);
    if (events.length === 0) continue;
    made += events.length;
    request++;
    yield {
      stream: step.stream,
      events: events.map(({ type, data }) => ({ type, data: { ...data } })),
      metadata: {
        actor: { kind: 'user', id: step.actor_id },
        org_id: step.org_id,
        request_id: `req-${request}`,
        correlation_id: `req-${request}`,
        causation_id: null,
        ip: '10.0.0.7',
        user_agent: 'keyledger-bench',
        occurred_at: context.now(),
        schema_version: 1,
      },
    };
  }
}

/** Appends a governance history to an event store; returns how many events it holds now. */
export async function appendGovernanceHistory(
  store: EventStore,
  options: HistoryOptions,
): Promise<number> {
  for (const { stream, events, metadata } of governanceHistory(options))
    await store.append(stream, events, { expectedRevision: 'any', metadata });
  return store.headPosition();
}
