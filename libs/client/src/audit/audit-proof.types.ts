import { FieldList } from '../core/field-list';

/** The seven fields of an event that make its leaf, exactly as the key history route shows them. */
export interface AuditLeaf {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly recorded_at: string;
}

/** A signed tree head: the log's root at a size, signed (Ed25519) by the key `key_id` names. */
export interface TreeHead {
  readonly tree_size: number;
  /** Lowercase hex SHA-256 tree hash (RFC 9162 §2.1.1). */
  readonly root_hash: string;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  readonly key_id: string;
  /** Base64 Ed25519 signature over the JCS of `{ tree_size, root_hash, timestamp }`. */
  readonly signature: string;
}

/** A public key that signs tree heads; old keys stay listed so old heads stay verifiable. */
export interface AuditPublicKey {
  readonly key_id: string;
  /** SPKI, PEM-armoured. */
  readonly public_key_pem: string;
}

/** `GET /api/v1/audit/proofs/inclusion`: where a leaf sits in a tree of `tree_size` leaves. */
export interface InclusionProof {
  readonly leaf_index: number;
  readonly tree_size: number;
  readonly leaf: AuditLeaf;
  /** RFC 9162 inclusion path, lowercase hex, leaf's sibling first. */
  readonly audit_path: readonly string[];
}

/** `GET /api/v1/audit/proofs/consistency`: that the tree of `second` extends the tree of `first`. */
export interface ConsistencyProof {
  readonly first: number;
  readonly second: number;
  /** RFC 9162 consistency proof, lowercase hex. */
  readonly proof: readonly string[];
}

/** The fields of TreeHead. */
export const TREE_HEAD_FIELDS: FieldList<TreeHead> = {
  tree_size: 'required',
  root_hash: 'required',
  timestamp: 'required',
  key_id: 'required',
  signature: 'required',
};

/** The fields of AuditPublicKey. */
export const AUDIT_PUBLIC_KEY_FIELDS: FieldList<AuditPublicKey> = {
  key_id: 'required',
  public_key_pem: 'required',
};

/** The fields of InclusionProof. */
export const INCLUSION_PROOF_FIELDS: FieldList<InclusionProof> = {
  leaf_index: 'required',
  tree_size: 'required',
  leaf: 'required',
  audit_path: 'required',
};

/** The fields of ConsistencyProof. */
export const CONSISTENCY_PROOF_FIELDS: FieldList<ConsistencyProof> = {
  first: 'required',
  second: 'required',
  proof: 'required',
};

/** `GET /api/v1/audit/tree-head`: a kept head by size, or the latest. */
export type TreeHeadQuery = {
  readonly tree_size?: number;
};

export const TREE_HEAD_QUERY_FIELDS: FieldList<TreeHeadQuery> = { tree_size: 'optional' };

/** `GET /api/v1/audit/proofs/inclusion`: an event, in a tree size (the latest head's by default). */
export type InclusionProofQuery = {
  readonly event_id: string;
  readonly tree_size?: number;
};

export const INCLUSION_PROOF_QUERY_FIELDS: FieldList<InclusionProofQuery> = {
  event_id: 'required',
  tree_size: 'optional',
};

/** `GET /api/v1/audit/proofs/consistency`: two tree sizes, the older first. */
export type ConsistencyProofQuery = {
  readonly first: number;
  readonly second: number;
};

export const CONSISTENCY_PROOF_QUERY_FIELDS: FieldList<ConsistencyProofQuery> = {
  first: 'required',
  second: 'required',
};
