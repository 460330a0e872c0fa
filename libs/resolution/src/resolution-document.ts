import { DefaultOwner, keyStream } from '@keyledger/domain';
import { CollectionSpec } from '@keyledger/read-models';
import { KeyState } from './key-entry';
import { PolicyEntry } from './org-policies';
import { DefaultChoice, PreferenceEntry } from './routing-directory';

/** Key documents are named by the key's stream. */
const KEY_DOCUMENT_PREFIX = keyStream('');

/**
 * One key of the resolution snapshot: its facts, its usage counters (the ledger's row; null
 * until something is counted) and its user's request counts made through it (null likewise).
 */
export interface ResolutionKeyDocument {
  /** `key-<key_id>`: the key's stream. */
  readonly id: string;
  readonly kind: 'key';
  /**
   * Position of the last event folded in. A start from the snapshot skips the key's usage
   * events up to here: they may follow the stored checkpoint when a batch was cut short.
   */
  readonly position: number;
  /**
   * The key's facts: the JSON of a `PackedKeyState`. A string, because some of the facts are
   * lists and FerretDB (a MongoDB read store of ours) refuses arrays nested in arrays.
   */
  readonly key: string;
  readonly usage: readonly number[] | null;
  readonly requests: readonly number[] | null;
}

/** Where each of a key's facts sits in its snapshot document. */
const PACKED_FIELDS = [
  'hash',
  'previous_hash',
  'previous_valid_until',
  'revision',
  'owner_user_id',
  'org_id',
  'scopes',
  'plan_tier',
  'disabled',
  'revoked',
  'expires_at',
  'limit',
  'limit_reset',
  'include_byok_in_limit',
  'limit_reset_position',
  'routing_preference_id',
  'routing_rules',
  // Appended: snapshots from before them unpack them as absent (see keyEntryOf).
  'allowed_ips',
  'rate_limits',
  'metadata',
  'external_id',
  'issued_at',
  'imported_prefix',
  'alert_thresholds',
] as const satisfies readonly Exclude<keyof KeyState, 'id'>[];

/** Each field's type in its place: mapped over a type parameter, so a tuple stays a tuple. */
type PackedTuple<Fields extends readonly (keyof KeyState)[]> = {
  readonly [I in keyof Fields]: KeyState[Fields[I]];
};

/**
 * A key's facts as a positional array (in `PACKED_FIELDS` order), without the id its document's
 * id already names: a snapshot holds a million of them, and field names made up a third of it.
 */
export type PackedKeyState = PackedTuple<typeof PACKED_FIELDS>;

/** The key's facts in the snapshot's form. */
export function packKeyState(key: KeyState): string {
  // The map keeps PACKED_FIELDS' order, which is what the tuple type spells out.
  const packed = PACKED_FIELDS.map((field) => key[field]) as unknown as PackedKeyState;
  return JSON.stringify(packed);
}

/**
 * The facts of the key a snapshot document holds. One literal, named in PACKED_FIELDS' order (the
 * round-trip spec holds each name to its place): a start unpacks a million of these, and building
 * them field by field from the names cost more than reading the store.
 */
export function unpackKeyState(document: ResolutionKeyDocument): KeyState {
  const [
    hash,
    previous_hash,
    previous_valid_until,
    revision,
    owner_user_id,
    org_id,
    scopes,
    plan_tier,
    disabled,
    revoked,
    expires_at,
    limit,
    limit_reset,
    include_byok_in_limit,
    limit_reset_position,
    routing_preference_id,
    routing_rules,
    allowed_ips,
    rate_limits,
    metadata,
    external_id,
    issued_at,
    imported_prefix,
    alert_thresholds,
  ] = JSON.parse(document.key) as PackedKeyState;
  return {
    id: document.id.slice(KEY_DOCUMENT_PREFIX.length),
    hash,
    previous_hash,
    previous_valid_until,
    revision,
    owner_user_id,
    org_id,
    scopes,
    plan_tier,
    disabled,
    revoked,
    expires_at,
    limit,
    limit_reset,
    include_byok_in_limit,
    limit_reset_position,
    routing_preference_id,
    routing_rules,
    allowed_ips,
    rate_limits,
    metadata,
    external_id,
    issued_at,
    imported_prefix,
    alert_thresholds,
  };
}

/** A routing preference as resolution holds it. */
export interface ResolutionPreferenceDocument {
  /** `routing_preference-<id>`: the preference's stream. */
  readonly id: string;
  readonly kind: 'preference';
  readonly preference: PreferenceEntry;
}

/** An org's or user's default preference as resolution holds it. */
export interface ResolutionDefaultDocument {
  /** `org-<id>` or `user-<id>`: the owner's stream. */
  readonly id: string;
  readonly kind: 'default';
  readonly owner: DefaultOwner;
  readonly choice: DefaultChoice;
}

/** An org's key policy, as resolve enforces it. */
export interface ResolutionPolicyDocument {
  /** `key_policy-org-<id>`: the org stream's `default` document already holds `org-<id>`. */
  readonly id: string;
  readonly kind: 'policy';
  readonly org_id: string;
  readonly policy: PolicyEntry;
}

/** The id of an org's policy document. */
export const policyDocumentId = (orgId: string): string => `key_policy-org-${orgId}`;

/** A document of the resolution snapshot: everything request-time resolution folds, per stream. */
export type ResolutionDocument =
  | ResolutionKeyDocument
  | ResolutionPreferenceDocument
  | ResolutionDefaultDocument
  | ResolutionPolicyDocument;

/** The resolution snapshot's collection: read whole, in id order, at start; no other query. */
export const RESOLUTION_DOCUMENTS: CollectionSpec<ResolutionDocument> = {
  name: 'resolution',
  indexes: [],
};
