import { GovernedKey, windowUsage } from '@keyledger/governance';
import { DocumentCollection, KeyDocument, Page, Where } from '@keyledger/read-models';
import { KeyUsage } from '@keyledger/resolution';

/** A key's usage as resolution counts it (the engine's view), or null for a key it does not know. */
export type KeyUsageLookup = (keyId: string, now: Date) => KeyUsage | null;

/** Keys read per query while a report streams. */
const KEY_BATCH = 500;

/**
 * Usage against the key's own limit window. Resolution counts it since the last manual limit
 * reset, so a key an admin just reset is not reported as exhausted; once nothing remains, the
 * calendar window's usage (at least the limit) shows how far over it went.
 */
function limitWindowUsage(key: GovernedKey, usage: KeyUsage): number {
  const { limit, remaining } = usage.limit;
  if (limit === null || remaining === null || remaining <= 0) return windowUsage(key);
  return limit - remaining;
}

/** A key document joined with its usage, as governance reports read keys. */
export function governedKey(key: KeyDocument, usage: KeyUsage | null): GovernedKey {
  const figures = {
    usage: usage?.usage ?? 0,
    usage_daily: usage?.usage_daily ?? 0,
    usage_weekly: usage?.usage_weekly ?? 0,
    usage_monthly: usage?.usage_monthly ?? 0,
  };
  const governed: GovernedKey = {
    id: key.id,
    name: key.name,
    scope: key.scope,
    owner_user_id: key.owner_user_id,
    org_id: key.org_id,
    disabled: key.disabled,
    revoked: key.revoked,
    limit: key.limit,
    limit_reset: key.limit_reset,
    ...figures,
    expires_at: key.expires_at,
    last_used_at: usage?.last_used_at ?? null,
    revoked_at: key.revoked_at,
    created_at: key.created_at,
    scopes: key.scopes,
    // Documents projected before these fields existed lack them.
    allowed_ips: key.allowed_ips ?? [],
    secret_issued_at: key.secret_issued_at ?? key.created_at,
  };
  if (usage === null || key.limit === null) return governed;
  // Reports read the limit's window from the field named by its reset (all-time without one).
  const field = key.limit_reset === null ? 'usage' : (`usage_${key.limit_reset}` as const);
  return { ...governed, [field]: limitWindowUsage(governed, usage) };
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
      sort: [{ field: 'created_at', direction: 'asc' }],
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
