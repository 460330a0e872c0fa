import {
  DefaultPreferenceCommand,
  KeyCommand,
  MANAGE_API_KEYS,
  RoutingPreferenceCommand,
} from '@keyledger/domain';

/** Who sends a command, and in which org (what the audit read model files it under). */
interface Sender {
  readonly actor_id: string;
  readonly org_id: string | null;
}

/** One command a caller sends, addressed to the stream of the aggregate that decides it. */
export type LifecycleStep = Sender &
  (
    | { readonly aggregate: 'key'; readonly stream: string; readonly command: KeyCommand }
    | {
        readonly aggregate: 'preference';
        readonly stream: string;
        readonly command: RoutingPreferenceCommand;
      }
    | {
        readonly aggregate: 'default';
        readonly stream: string;
        readonly command: DefaultPreferenceCommand;
      }
  );

/** What a lifecycle draws on: seeded randomness and the simulated time of its next command. */
export interface LifecycleContext {
  /** A number in [0, 1), deterministic for the history's seed. */
  readonly random: () => number;
  readonly now: () => string;
}

/** A lifecycle's commands, produced one at a time so that lifecycles can interleave. */
export type Lifecycle = Iterator<LifecycleStep, void, void>;

const DAY_MS = 86_400_000;
const pick = <T>(context: LifecycleContext, items: readonly T[]): T =>
  items[Math.floor(context.random() * items.length)];
const later = (context: LifecycleContext, days: number): string =>
  new Date(Date.parse(context.now()) + days * DAY_MS).toISOString();

/** An org sets up team routing: a few preferences, one made the default, some tuned later. */
export function* orgLifecycle(
  org_id: string,
  preferenceIds: readonly string[],
  context: LifecycleContext,
): Lifecycle {
  const admin: Sender = { actor_id: `admin-${org_id}`, org_id };
  for (const preference_id of preferenceIds) {
    yield {
      ...admin,
      aggregate: 'preference',
      stream: `routing_preference-${preference_id}`,
      command: {
        type: 'CreateRoutingPreference',
        preference_id,
        name: `Routing ${preference_id}`,
        scope: 'team',
        author_user_id: admin.actor_id,
        org_id,
        rules: [
          {
            pattern: '^(select|with) ',
            target_mode: 'code',
            target_engine: null,
            confidence: 0.8,
            description: 'SQL goes to the code model',
          },
        ],
        examples: [{ prompt: 'select 1', expected_mode: 'code' }],
        now: context.now(),
      },
    };
  }
  yield {
    ...admin,
    aggregate: 'default',
    stream: `org-${org_id}`,
    command: {
      type: 'SetDefaultPreference',
      owner: { kind: 'org', org_id },
      preference_id: pick(context, preferenceIds),
    },
  };
  const preference_id = pick(context, preferenceIds);
  yield {
    ...admin,
    aggregate: 'preference',
    stream: `routing_preference-${preference_id}`,
    command: {
      type: 'UpdateRoutingPreference',
      description: 'tuned after a week of traffic',
      now: context.now(),
    },
  };
}

/** Where a key is born: its owner, and for org keys the org and the preferences it may bind. */
export interface KeyBirth {
  readonly key_id: string;
  readonly owner_user_id: string;
  readonly org: { readonly id: string; readonly preferenceIds: readonly string[] } | null;
}

/**
 * A key's life as operators live it: created, then a handful of changes (renames, limits,
 * suspensions, bindings, rotations, expiry), and revoked about a third of the time.
 */
export function* keyLifecycle(birth: KeyBirth, context: LifecycleContext): Lifecycle {
  const { key_id, owner_user_id, org } = birth;
  const stream = `key-${key_id}`;
  const owner: Sender = { actor_id: owner_user_id, org_id: org?.id ?? null };
  const step = (command: KeyCommand): LifecycleStep => ({
    ...owner,
    aggregate: 'key',
    stream,
    command,
  });
  yield step({
    type: 'CreateKey',
    key_id,
    hash: `hash-${key_id}`,
    label: `rk_${key_id.slice(0, 4)}…`,
    name: `Key ${key_id}`,
    org_id: org?.id ?? null,
    active_org_id: org?.id ?? null,
    creator_orgs: org ? [{ id: org.id, permissions: [MANAGE_API_KEYS] }] : [],
    owner_user_id,
    limit: context.random() < 0.5 ? 100 : null,
    limit_reset: 'monthly',
    plan_tier: pick(context, ['free', 'pro', 'enterprise']),
    now: context.now(),
  });
  const changes = Math.floor(context.random() * 9);
  for (let change = 0; change < changes; change++) {
    const roll = context.random();
    if (roll < 0.2) {
      yield step({ type: 'RenameKey', name: `Key ${key_id} #${change}`, now: context.now() });
    } else if (roll < 0.4) {
      yield step({ type: 'SetKeyLimit', limit: 50 + change * 10, now: context.now() });
    } else if (roll < 0.5) {
      yield step({ type: 'ResetKeyLimit', reason: 'support ticket', now: context.now() });
    } else if (roll < 0.6) {
      yield step({ type: 'DisableKey', reason: 'suspected leak', now: context.now() });
      yield step({ type: 'EnableKey', now: context.now() });
    } else if (roll < 0.7) {
      yield step({ type: 'SetKeyExpiry', expires_at: later(context, 90), now: context.now() });
    } else if (roll < 0.85 && org) {
      const preference_id = pick(context, org.preferenceIds);
      yield step({ type: 'BindPreference', preference_id, now: context.now() });
    } else {
      yield step({
        type: 'RotateKey',
        hash: `hash-${key_id}-${change}`,
        label: `rk_${key_id.slice(0, 4)}…${change}`,
        grace_period_seconds: 3600,
        now: context.now(),
      });
    }
  }
  if (context.random() < 0.35)
    yield step({ type: 'RevokeKey', reason: 'rotated out', now: context.now() });
}
