import { HashScheme, KeyMetadata, RateLimit } from '@keyledger/domain';
import { ImportedFrom, KeyDocument } from '@keyledger/read-models';
import { KeyUsage, NO_USAGE, UsageFigures } from '@keyledger/resolution';

/** A key as the API shows it: every field of SPEC §2 and its usage figures, never the secret. */
export interface KeyView extends UsageFigures {
  readonly id: string;
  readonly hash: string;
  readonly label: string;
  readonly name: string;
  readonly scope: KeyDocument['scope'];
  readonly owner_user_id: string;
  readonly org_id: string | null;
  readonly scopes: readonly string[];
  readonly disabled: boolean;
  readonly revoked: boolean;
  readonly limit: number | null;
  readonly limit_reset: KeyDocument['limit_reset'];
  readonly include_byok_in_limit: boolean;
  readonly limit_remaining: number | null;
  /** End of the current limit window (ISO-8601); null when unlimited or never resetting. */
  readonly limit_window_end: string | null;
  readonly plan_tier: string | null;
  readonly routing_preference_id: string | null;
  readonly allowed_ips: readonly string[];
  readonly rate_limits: readonly RateLimit[];
  readonly alert_thresholds: readonly number[];
  readonly metadata: KeyMetadata;
  readonly external_id: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly expires_at: string | null;
  readonly revoked_at: string | null;
  /** `native` (the deployment's hashing) or `sha256` (an imported key's original secret). */
  readonly hash_scheme: HashScheme;
  /** Where an imported key came from; null: made here. */
  readonly imported: ImportedFrom | null;
  /** When a leak of its secret was last reported; null: never. */
  readonly leak_reported_at: string | null;
}

/**
 * What a view shows that follows the key's usage rather than its document: it changes with every
 * request the key makes, and with the calendar.
 */
export type KeyUsageView = UsageFigures & Pick<KeyView, 'limit_remaining' | 'limit_window_end'>;

/** The fields of a KeyUsageView: the rest of a view is what its document decides. */
export const USAGE_VIEW_FIELDS: ReadonlySet<string> = new Set<keyof KeyUsageView>([
  'limit_remaining',
  'limit_window_end',
  // The figures of a key never used name every figure.
  ...(Object.keys(NO_USAGE) as (keyof UsageFigures)[]),
]);

/**
 * Maps a key document and its usage (from the resolution engine; null: nothing counted yet) to
 * its public view. One literal naming every field: building it by spreading a document view and
 * a usage view into one object cost ~20 µs a view on Node 20 (V8's clone of a 28-field object
 * could not be extended), which made `GET /api/v1/keys/{id}` three times slower.
 */
export function toKeyView(key: KeyDocument, keyUsage: KeyUsage | null): KeyView {
  const limitState = keyUsage?.limit ?? null;
  const figures: UsageFigures = keyUsage ?? NO_USAGE;
  return {
    id: key.id,
    hash: key.hash,
    label: key.label,
    name: key.name,
    scope: key.scope,
    owner_user_id: key.owner_user_id,
    org_id: key.org_id,
    scopes: key.scopes,
    disabled: key.disabled,
    revoked: key.revoked,
    limit: key.limit,
    limit_reset: key.limit_reset,
    include_byok_in_limit: key.include_byok_in_limit,
    limit_remaining: limitState ? limitState.remaining : key.limit,
    limit_window_end: limitState?.window_end ?? null,
    plan_tier: key.plan_tier,
    routing_preference_id: key.routing_preference_id,
    // Documents projected before these fields existed lack them: none of each.
    allowed_ips: key.allowed_ips ?? [],
    rate_limits: key.rate_limits ?? [],
    alert_thresholds: key.alert_thresholds ?? [],
    metadata: key.metadata ?? {},
    external_id: key.external_id ?? null,
    created_at: key.created_at,
    updated_at: key.updated_at,
    expires_at: key.expires_at,
    revoked_at: key.revoked_at,
    hash_scheme: key.hash_scheme ?? 'native',
    imported: key.imported ?? null,
    leak_reported_at: key.leak_reported_at ?? null,
    usage: figures.usage,
    usage_daily: figures.usage_daily,
    usage_weekly: figures.usage_weekly,
    usage_monthly: figures.usage_monthly,
    byok_usage: figures.byok_usage,
    byok_usage_daily: figures.byok_usage_daily,
    byok_usage_weekly: figures.byok_usage_weekly,
    byok_usage_monthly: figures.byok_usage_monthly,
    requests: figures.requests,
    requests_daily: figures.requests_daily,
    requests_weekly: figures.requests_weekly,
    requests_monthly: figures.requests_monthly,
    last_used_at: figures.last_used_at,
  };
}

/** The `{ data: Key }` envelope every key route answers with (null only with a 202). */
export interface KeyEnvelope {
  readonly data: KeyView | null;
}

/** A key route's answer that shows a secret, the one time it exists in the clear. */
export interface KeyWithSecret extends KeyEnvelope {
  readonly secret: string | null;
}
