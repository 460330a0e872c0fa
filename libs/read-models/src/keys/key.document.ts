import {
  HashScheme,
  KeyLimitSettings,
  KeyMetadata,
  KeyOwnership,
  RateLimit,
  RoutingRules,
} from '@keyledger/domain';
import { Audience } from '../shared/audience';
import { CollectionSpec } from '../store/read-store.port';

/** A key as listed, fetched and resolved. Holds the secret's hash and label, never the secret. */
export interface KeyDocument extends KeyLimitSettings {
  readonly id: string;
  readonly hash: string;
  /** The secret replaced by the last rotation, while its grace period lasts. */
  readonly previous_hash: string | null;
  readonly previous_hash_valid_until: string | null;
  readonly label: string;
  readonly name: string;
  readonly scope: KeyOwnership;
  readonly owner_user_id: string;
  readonly org_id: string | null;
  /** Who may see it: the owner of a personal key, the members of an org key's org. */
  readonly audience: Audience;
  /** What its creator could do in its org when it was made: a key caller never gains more. */
  readonly org_permissions: readonly string[];
  readonly scopes: readonly string[];
  readonly disabled: boolean;
  readonly disabled_reason: string | null;
  readonly revoked: boolean;
  /** When an admin last restarted the usage window by hand; usage counts from the later of this and the window start. */
  readonly limit_reset_at: string | null;
  readonly plan_tier: string | null;
  readonly routing_preference_id: string | null;
  readonly has_routing_rules: boolean;
  /** Key-first rules, which outrank any bound preference. */
  readonly routing_rules: RoutingRules | null;
  /** Canonical CIDRs the key resolves from; [] for anywhere. */
  readonly allowed_ips: readonly string[];
  readonly rate_limits: readonly RateLimit[];
  /** Absent on documents projected before limit alerts existed: none. */
  readonly alert_thresholds?: readonly number[];
  readonly metadata: KeyMetadata;
  /** The customer's own id for the key's owner. */
  readonly external_id: string | null;
  readonly created_at: string;
  /** When the current secret was issued (creation or last rotation): a max lifetime counts from it. */
  readonly secret_issued_at: string;
  /** When the last event about the key happened. */
  readonly updated_at: string;
  readonly expires_at: string | null;
  readonly revoked_at: string | null;
  readonly revoke_reason: string | null;
  /**
   * The revision of the key's stream that this document shows (its last event applied): a read's
   * ETag without reading the stream. Absent in documents last written before it was kept.
   */
  readonly stream_revision?: number;
  /** How `hash` was made (documents from before imports lack it: `native`). */
  readonly hash_scheme?: HashScheme;
  /** Where an imported key came from (null or absent: made here). */
  readonly imported?: ImportedFrom | null;
  /** When a leak of the key's secret was last reported (null or absent: never). */
  readonly leak_reported_at?: string | null;
}

/** An imported key's provenance. */
export interface ImportedFrom {
  /** What its secrets start with, e.g. `sk-or-v1-`. */
  readonly prefix: string;
  readonly origin: string | null;
  readonly imported_at: string;
}

/**
 * What `GET /api/v1/keys` filters on besides the audience and `revoked`, and what the state
 * reports group and bound (`expires_at`): checked and counted on the index entries.
 */
const LIST_FILTERS = [
  'disabled',
  'scope',
  'org_id',
  'owner_user_id',
  'external_id',
  'expires_at',
] as const;

/** What the per-key governance reports show of a live key besides the list filters: read from index entries. */
const REPORTED = ['name', 'limit', 'limit_reset'] as const;

/** The keys collection: unique secret hash, the previous hash for rotation grace, list orders, bindings. */
export const KEY_DOCUMENTS: CollectionSpec<KeyDocument> = {
  name: 'keys',
  indexes: [
    { fields: ['hash'], unique: true },
    { fields: ['previous_hash'] },
    // The list (live keys, and with include_revoked every key) and the reports, newest or oldest
    // first; every other list filter is checked on the index entries. No index leads with the
    // owner or the org: every list is scoped by audience, and such an index would tempt a planner
    // into reading a whole org to find one caller's personal keys. The live keys' index also
    // carries what the per-key reports show, so a report reads its entries, not the documents.
    { fields: ['audience', 'revoked', 'created_at'], include: [...LIST_FILTERS, ...REPORTED] },
    { fields: ['audience', 'created_at'], include: ['revoked', ...LIST_FILTERS] },
    // Deleting a preference unbinds every key bound to it.
    { fields: ['routing_preference_id'] },
  ],
  // The list's name search.
  searchable: ['name'],
  booleans: ['disabled', 'revoked', 'include_byok_in_limit', 'has_routing_rules'],
};
