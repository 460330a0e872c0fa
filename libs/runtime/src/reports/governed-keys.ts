import { GovernedKey, KeyNarrowing, ReportedKey, windowUsage } from '@keyledger/governance';
import { DocumentCollection, KeyDocument, Page, Selected, Where } from '@keyledger/read-models';
import { KeyUsage } from '@keyledger/resolution';

/** A key's usage as resolution counts it (the engine's view), or null for a key it does not know. */
export type KeyUsageLookup = (keyId: string, now: Date) => KeyUsage | null;

/** Keys read per query while a report streams. */
const KEY_BATCH = 500;
/** Keys' facts read per query while a report streams: index entries, small. */
const FACTS_BATCH = 5_000;

/** What the per-key reports read of a key: fields the keys' report index carries. */
const REPORTED_FIELDS = [
  'name',
  'owner_user_id',
  'org_id',
  'disabled',
  'revoked',
  'limit',
  'limit_reset',
  'expires_at',
  'created_at',
] as const;

type ReportedFacts = Selected<KeyDocument, (typeof REPORTED_FIELDS)[number]>;

const OLDEST_FIRST = [{ field: 'created_at', direction: 'asc' }] as const;

/** A bound every limit is within and no null (unlimited) is: an indexed "has a limit". */
const ANY_LIMIT = { field: 'limit', value: Number.MAX_VALUE } as const;

/**
 * Usage against the key's own limit window. Resolution counts it since the last manual limit
 * reset, so a key an admin just reset is not reported as exhausted; once nothing remains, the
 * calendar window's usage (at least the limit) shows how far over it went.
 */
function limitWindowUsage(key: ReportedKey, usage: KeyUsage): number {
  const { limit, remaining } = usage.limit;
  if (limit === null || remaining === null || remaining <= 0) return windowUsage(key);
  return limit - remaining;
}

/** A key's reported facts joined with its usage, as the per-key reports read keys. */
export function reportedKey(key: ReportedFacts, usage: KeyUsage | null): ReportedKey {
  const reported: ReportedKey = {
    id: key.id,
    name: key.name,
    owner_user_id: key.owner_user_id,
    org_id: key.org_id,
    disabled: key.disabled,
    revoked: key.revoked,
    limit: key.limit,
    limit_reset: key.limit_reset,
    usage: usage?.usage ?? 0,
    usage_daily: usage?.usage_daily ?? 0,
    usage_weekly: usage?.usage_weekly ?? 0,
    usage_monthly: usage?.usage_monthly ?? 0,
    expires_at: key.expires_at,
    last_used_at: usage?.last_used_at ?? null,
    created_at: key.created_at,
  };
  if (usage === null || key.limit === null) return reported;
  // Reports read the limit's window from the field named by its reset (all-time without one).
  const field = key.limit_reset === null ? 'usage' : (`usage_${key.limit_reset}` as const);
  // A copy with one field set, not a spread with a computed key (a slow object in V8).
  const windowed: { -readonly [F in keyof ReportedKey]: ReportedKey[F] } = { ...reported };
  windowed[field] = limitWindowUsage(reported, usage);
  return windowed;
}

/** A key document joined with its usage, as governance reads a whole key. */
export function governedKey(key: KeyDocument, usage: KeyUsage | null): GovernedKey {
  return {
    ...reportedKey(key, usage),
    scope: key.scope,
    revoked_at: key.revoked_at,
    scopes: key.scopes,
    // Documents projected before these fields existed lack them.
    allowed_ips: key.allowed_ips ?? [],
    secret_issued_at: key.secret_issued_at ?? key.created_at,
  };
}

/**
 * The reported facts of every key matching `where` and `only`, oldest first, with their usage at
 * `now`, in large batches: read by the store from the keys' report index (no document read).
 */
export async function* reportedKeys(
  keys: DocumentCollection<KeyDocument>,
  where: Where<KeyDocument>,
  only: KeyNarrowing,
  usageOf: KeyUsageLookup,
  now: Date,
): AsyncGenerator<ReportedKey[]> {
  const { limited, ...narrowing } = only;
  const query = {
    where: { ...where, ...narrowing },
    atMost: limited ? ANY_LIMIT : undefined,
    sort: OLDEST_FIRST,
  };
  for await (const batch of keys.select(query, REPORTED_FIELDS, FACTS_BATCH))
    yield batch.map((key) => reportedKey(key, usageOf(key.id, now)));
}

/** Every key document matching `where`, oldest first: one page in memory at a time. */
export async function* keyDocuments(
  keys: DocumentCollection<KeyDocument>,
  where: Where<KeyDocument>,
): AsyncGenerator<KeyDocument> {
  let cursor: string | null = null;
  do {
    const page: Page<KeyDocument> = await keys.find({
      where,
      sort: OLDEST_FIRST,
      limit: KEY_BATCH,
      cursor,
    });
    yield* page.items;
    cursor = page.next_cursor;
  } while (cursor !== null);
}

/** Every key matching `where`, oldest first, with its usage at `now`. */
export async function* governedKeys(
  keys: DocumentCollection<KeyDocument>,
  where: Where<KeyDocument>,
  usageOf: KeyUsageLookup,
  now: Date,
): AsyncGenerator<GovernedKey> {
  for await (const key of keyDocuments(keys, where)) yield governedKey(key, usageOf(key.id, now));
}

/** What org key policies cover: unrevoked org keys. */
const POLICY_COVERED = { revoked: false, scope: 'org' } as const;

/** The orgs of the unrevoked org keys matching `where`, in id order: one grouped count. */
export async function policyOrgs(
  keys: DocumentCollection<KeyDocument>,
  where: Where<KeyDocument>,
): Promise<string[]> {
  const groups = await keys.countGroups({ where: { ...where, ...POLICY_COVERED } }, ['org_id']);
  const orgs = groups.flatMap(({ values: [org] }) => (typeof org === 'string' ? [org] : []));
  return orgs.sort();
}

/** One org's unrevoked keys matching `where`, read whole with their usage: what its policy covers. */
export const policyKeys = (
  keys: DocumentCollection<KeyDocument>,
  where: Where<KeyDocument>,
  orgId: string,
  usageOf: KeyUsageLookup,
  now: Date,
): AsyncGenerator<GovernedKey> =>
  governedKeys(keys, { ...where, ...POLICY_COVERED, org_id: orgId }, usageOf, now);
