import { TreeHead } from '@keyledger/client';

/** One leaf as the tree file keeps it: which event it is, where the store holds it, its hash. */
export interface StoredLeaf {
  readonly leaf_index: number;
  readonly event_id: string;
  /** The event's position in its store (a byte offset on EventStoreDB): how to read it back. */
  readonly position: number;
  readonly hash: Uint8Array;
}

/** A leaf about to be appended. */
export type NewLeaf = Omit<StoredLeaf, 'leaf_index'>;

export type {
  AuditLeaf,
  AuditPublicKey,
  ConsistencyProof,
  InclusionProof,
  TreeHead,
} from '@keyledger/client';

/** Heads in tree-size order. */
export type TreeHeads = readonly TreeHead[];
