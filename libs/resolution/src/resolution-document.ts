import { DefaultOwner } from '@keyledger/domain';
import { CollectionSpec } from '@keyledger/read-models';
import { KeyState } from './key-entry';
import { DefaultChoice, PreferenceEntry } from './routing-directory';

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
  readonly key: KeyState;
  readonly usage: readonly number[] | null;
  readonly requests: readonly number[] | null;
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
