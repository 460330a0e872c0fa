import { DefaultOwner, keyStream } from '@keyledger/domain';
import { CollectionSpec } from '@keyledger/read-models';
import { KeyState } from './key-entry';
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
  readonly key: PackedKeyState;
  readonly usage: readonly number[] | null;
  readonly requests: readonly number[] | null;
}

/**
 * A key's facts as a positional array, without the id its document's id already names: a
 * snapshot holds a million of them, and field names would make up a third of its size.
 */
export type PackedKeyState = readonly [
  hash: string,
  previous_hash: string | null,
  previous_valid_until: number | null,
  revision: number,
  owner_user_id: string,
  org_id: string | null,
  scopes: readonly string[],
  plan_tier: string | null,
  disabled: boolean,
  revoked: boolean,
  expires_at: number | null,
  limit: number | null,
  limit_reset: KeyState['limit_reset'],
  include_byok_in_limit: boolean,
  limit_reset_position: number | null,
  routing_preference_id: string | null,
  routing_rules: KeyState['routing_rules'],
];

/** The key's facts in the snapshot's form. */
export function packKeyState(key: KeyState): PackedKeyState {
  return [
    key.hash,
    key.previous_hash,
    key.previous_valid_until,
    key.revision,
    key.owner_user_id,
    key.org_id,
    key.scopes,
    key.plan_tier,
    key.disabled,
    key.revoked,
    key.expires_at,
    key.limit,
    key.limit_reset,
    key.include_byok_in_limit,
    key.limit_reset_position,
    key.routing_preference_id,
    key.routing_rules,
  ];
}

/** The facts of the key a snapshot document holds. */
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
  ] = document.key;
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

/** A document of the resolution snapshot: everything request-time resolution folds, per stream. */
export type ResolutionDocument =
  ResolutionKeyDocument | ResolutionPreferenceDocument | ResolutionDefaultDocument;

/** The resolution snapshot's collection: read whole, in id order, at start; no other query. */
export const RESOLUTION_DOCUMENTS: CollectionSpec<ResolutionDocument> = {
  name: 'resolution',
  indexes: [],
};
