import { createHash } from 'node:crypto';
import {
  DefaultPreferenceSet,
  defaultOwnerStream,
  KeyCreated,
  KeyLimitReset,
  keyStream,
  PreferenceBound,
  RoutingPreferenceCreated,
  routingPreferenceStream,
} from '@keyledger/domain';
import { KeyUsageRecorded, keyUsageStream } from '@keyledger/domain/usage/usage.events';
import { EventMetadata, NewEvent, SqliteEventStore, StreamAppend } from '@keyledger/event-store';

/** How large a tenant base to make. */
export interface KeyBaseOptions {
  readonly keys: number;
}

/** What was made. */
export interface KeyBaseSummary {
  readonly keys: number;
  readonly events: number;
  readonly seconds: number;
}

const KEYS_PER_USER = 10;
const KEYS_PER_ORG = 100;
/** Keys made per transaction: large enough that commits do not dominate. */
const KEYS_PER_BATCH = 2_000;
const CREATED_AT = '2026-01-01T00:00:00.000Z';
// Two minutes of usage per key, in different days and months, as a month of traffic leaves.
const USAGE_MINUTES = [
  Date.parse('2026-02-27T09:00:00.000Z'),
  Date.parse('2026-03-02T17:30:00.000Z'),
];

const METADATA: EventMetadata = {
  actor: { kind: 'system', id: 'bench' },
  org_id: null,
  request_id: null,
  correlation_id: null,
  causation_id: null,
  ip: null,
  user_agent: 'keyledger-bench',
  occurred_at: CREATED_AT,
  schema_version: 1,
};

const asNew = (event: { readonly type: string; readonly data: object }): NewEvent => ({
  type: event.type,
  data: event.data as NewEvent['data'],
});

/** A UUID-shaped id for the n-th key. */
const keyIdOf = (n: number): string =>
  `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const orgOf = (n: number): string | null =>
  n % 2 === 0 ? `org_${Math.floor(n / KEYS_PER_ORG)}` : null;
const preferenceOf = (org: string): string => `pref-${org}`;

function keyCreated(n: number): KeyCreated {
  const org = orgOf(n);
  const hash = createHash('sha256').update(`secret-${n}`).digest('hex');
  return {
    type: 'KeyCreated',
    data: {
      key_id: keyIdOf(n),
      hash,
      label: `rk_${hash.slice(0, 4)}…${hash.slice(-4)}`,
      name: `key ${n}`,
      scope: org === null ? 'personal' : 'org',
      owner_user_id: `user_${Math.floor(n / KEYS_PER_USER)}`,
      org_id: org,
      org_permissions: org === null ? [] : ['manageApiKeys'],
      scopes: ['completions', 'skills'],
      plan_tier: ['free', 'lite', 'premium', 'max'][n % 4],
      expires_at: null,
      limit: n % 3 === 0 ? 100 : null,
      limit_reset: n % 3 === 0 ? 'monthly' : null,
      include_byok_in_limit: false,
      created_at: CREATED_AT,
    },
  };
}

function usage(n: number, minute: number): KeyUsageRecorded {
  const from = minute + (n % 50) * 1000;
  return {
    type: 'KeyUsageRecorded',
    data: {
      key_id: keyIdOf(n),
      instance_id: 'bench-instance',
      from: new Date(from).toISOString(),
      to: new Date(from + 5_000).toISOString(),
      requests: 1 + (n % 7),
      cost: ((n % 97) + 1) / 1000,
      byok_cost: n % 5 === 0 ? 0.002 : 0,
      by_model: {},
      limit_reset_position: null,
    },
  };
}

/** The org's team preference, made its default: routing for half of the keys. */
function orgSetUp(org: string): StreamAppend[] {
  const preference_id = preferenceOf(org);
  const created: RoutingPreferenceCreated = {
    type: 'RoutingPreferenceCreated',
    data: {
      preference_id,
      name: `${org} routing`,
      description: null,
      scope: 'team',
      author_user_id: 'user_0',
      org_id: org,
      rules: [
        {
          pattern: '^sql',
          target_mode: 'code',
          target_engine: null,
          confidence: 0.8,
          description: null,
        },
      ],
      examples: [],
      confidence_floor_overrides: {},
      enabled: true,
      created_at: CREATED_AT,
    },
  };
  const owner = { kind: 'org' as const, org_id: org };
  const promoted: DefaultPreferenceSet = {
    type: 'DefaultPreferenceSet',
    data: { owner, preference_id, previous_preference_id: null },
  };
  const options = { expectedRevision: 'any' as const, metadata: METADATA };
  return [
    { stream: routingPreferenceStream(preference_id), events: [asNew(created)], options },
    { stream: defaultOwnerStream(owner), events: [asNew(promoted)], options },
  ];
}

/** Key `n`'s history: created, two minutes of usage, and for some a reset or a binding. */
function keyHistory(n: number): StreamAppend[] {
  const id = keyIdOf(n);
  const options = { expectedRevision: 'any' as const, metadata: METADATA };
  const appends: StreamAppend[] = [
    { stream: keyStream(id), events: [asNew(keyCreated(n))], options },
    ...USAGE_MINUTES.map((minute) => ({
      stream: keyUsageStream(id),
      events: [asNew(usage(n, minute))],
      options,
    })),
  ];
  const org = orgOf(n);
  if (n % 10 === 3) {
    const reset: KeyLimitReset = {
      type: 'KeyLimitReset',
      data: { key_id: id, reason: 'bench', reset_at: CREATED_AT },
    };
    appends.push({ stream: keyStream(id), events: [asNew(reset)], options });
  }
  if (org !== null && n % 10 === 4) {
    const bound: PreferenceBound = {
      type: 'PreferenceBound',
      data: {
        key_id: id,
        preference_id: preferenceOf(org),
        previous_preference_id: null,
        bound_at: CREATED_AT,
      },
    };
    appends.push({ stream: keyStream(id), events: [asNew(bound)], options });
  }
  return appends;
}

/**
 * Writes a tenant base of `keys` keys (about 3.2 events each) into an SQLite event store through
 * its batch append: 10 keys per user, half of them in orgs of 100 keys with a default
 * preference, a third limited monthly, every key with two minutes of usage, one in ten reset,
 * one in twenty bound to its org's preference.
 */
export async function writeKeyBase(
  store: SqliteEventStore,
  options: KeyBaseOptions,
): Promise<KeyBaseSummary> {
  const started = process.hrtime.bigint();
  for (let first = 0; first < options.keys; first += KEYS_PER_BATCH) {
    const appends: StreamAppend[] = [];
    for (let n = first; n < Math.min(options.keys, first + KEYS_PER_BATCH); n++) {
      const org = orgOf(n);
      if (org !== null && n % KEYS_PER_ORG === 0) appends.push(...orgSetUp(org));
      appends.push(...keyHistory(n));
    }
    await store.appendBatch(appends);
  }
  return {
    keys: options.keys,
    events: await store.headPosition(),
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}
