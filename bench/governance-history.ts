import { createHash } from 'node:crypto';
import { KeyCreated, KeyEvent, keyStream } from '@keyledger/domain';
import { EventMetadata, SqliteEventStore, StreamAppend } from '@keyledger/event-store';

/** How large a governance history to make. */
export interface GovernanceBaseOptions {
  readonly keys: number;
  /** How many of them belong to one org (`BIG_ORG`), the enterprise tenant the reads look at. */
  readonly bigOrgKeys: number;
}

/** The org holding `bigOrgKeys` keys, and a user administering it. */
export const BIG_ORG = 'org_big';
export const BIG_ORG_ADMIN = 'admin_big';

const KEYS_PER_SMALL_ORG = 100;
const OWNERS_PER_ORG = 1_000;
const KEYS_PER_BATCH = 2_000;
const START = Date.UTC(2026, 0, 1);

const at = (n: number, step: number): string => new Date(START + n * 1000 + step).toISOString();

const metadata = (n: number, orgId: string | null): EventMetadata => ({
  actor: { kind: 'user', id: `user_${n % OWNERS_PER_ORG}` },
  org_id: orgId,
  request_id: `req-${n}`,
  correlation_id: `req-${n}`,
  causation_id: null,
  ip: '10.0.0.7',
  user_agent: 'keyledger-bench',
  occurred_at: at(n, 0),
  schema_version: 1,
});

function orgOf(n: number, options: GovernanceBaseOptions): string | null {
  if (n < options.bigOrgKeys) return BIG_ORG;
  return n % 2 === 0 ? `org_${Math.floor(n / KEYS_PER_SMALL_ORG)}` : null;
}

function created(n: number, org: string | null): KeyCreated {
  const hash = createHash('sha256').update(`governance-${n}`).digest('hex');
  return {
    type: 'KeyCreated',
    data: {
      key_id: `key-${n}`,
      hash,
      label: `rk_${hash.slice(0, 4)}…${hash.slice(-4)}`,
      name: `key ${n}`,
      scope: org === null ? 'personal' : 'org',
      owner_user_id: `user_${n % OWNERS_PER_ORG}`,
      org_id: org,
      org_permissions: org === null ? [] : ['manageApiKeys'],
      scopes: ['completions'],
      plan_tier: 'free',
      expires_at: null,
      limit: null,
      limit_reset: null,
      include_byok_in_limit: false,
      created_at: at(n, 0),
    },
  };
}

/**
 * Key `n`'s lifecycle, about 3.1 events: created and renamed; one in two given an expiry, one in
 * three a monthly limit, one in seven disabled (half of those enabled again), one in ten revoked.
 */
function lifecycle(n: number, org: string | null): KeyEvent[] {
  const key_id = `key-${n}`;
  const events: KeyEvent[] = [
    created(n, org),
    {
      type: 'KeyRenamed',
      data: {
        key_id,
        name: `key ${n} ${n % 3 === 0 ? 'prod' : 'ci'}`,
        previous_name: `key ${n}`,
        renamed_at: at(n, 1),
      },
    },
  ];
  if (n % 2 === 1)
    events.push({
      type: 'KeyExpirySet',
      data: { key_id, expires_at: at(n + 86_400 * 365, 0), changed_at: at(n, 2) },
    });
  if (n % 3 === 0) {
    const limit = { limit: 100, limit_reset: 'monthly' as const, include_byok_in_limit: false };
    events.push({ type: 'KeyLimitSet', data: { key_id, ...limit, changed_at: at(n, 3) } });
  }
  if (n % 7 === 0)
    events.push({ type: 'KeyDisabled', data: { key_id, reason: 'leaked', disabled_at: at(n, 4) } });
  if (n % 14 === 0) events.push({ type: 'KeyEnabled', data: { key_id, enabled_at: at(n, 5) } });
  if (n % 10 === 0)
    events.push({
      type: 'KeyRevoked',
      data: { key_id, reason: 'rotated away', revoked_at: at(n, 6) },
    });
  return events;
}

/**
 * Writes `keys` key lifecycles into an SQLite event store through its batch append, in key
 * order (creation times one second apart): the first `bigOrgKeys` in BIG_ORG, the others half
 * personal and half in orgs of 100. Returns how many events the store then holds.
 */
export async function writeGovernanceBase(
  store: SqliteEventStore,
  options: GovernanceBaseOptions,
): Promise<number> {
  for (let first = 0; first < options.keys; first += KEYS_PER_BATCH) {
    const appends: StreamAppend[] = [];
    for (let n = first; n < Math.min(options.keys, first + KEYS_PER_BATCH); n++) {
      const org = orgOf(n, options);
      appends.push({
        stream: keyStream(`key-${n}`),
        events: lifecycle(n, org).map(({ type, data }) => ({ type, data: { ...data } })),
        options: { expectedRevision: 'any', metadata: metadata(n, org) },
      });
    }
    await store.appendBatch(appends);
  }
  return store.headPosition();
}
