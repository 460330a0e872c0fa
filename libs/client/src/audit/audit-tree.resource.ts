import { ApiResponse, unwrap } from '../core/api-response';
import { FieldList } from '../core/field-list';
import { operation } from '../core/operation';
import { ReadOptions } from '../core/request-options';
import { Transport } from '../core/transport';
import { AuditPublicKey, ConsistencyProof, InclusionProof, TreeHead } from './audit-proof.types';

/** Query of `GET /api/v1/audit/tree-head`: a kept head's size (omitted: the latest). */
export type TreeHeadQuery = { readonly tree_size?: number };
/** The parameters of TreeHeadQuery. */
export const TREE_HEAD_FIELDS: FieldList<TreeHeadQuery> = { tree_size: 'optional' };

/** Query of `GET /api/v1/audit/proofs/inclusion`: an event, in a tree of a size. */
export type InclusionProofQuery = { readonly event_id: string; readonly tree_size?: number };
/** The parameters of InclusionProofQuery. */
export const INCLUSION_PROOF_FIELDS: FieldList<InclusionProofQuery> = {
  event_id: 'required',
  tree_size: 'optional',
};

/** Query of `GET /api/v1/audit/proofs/consistency`: two tree sizes, smaller first. */
export type ConsistencyProofQuery = { readonly first: number; readonly second: number };
/** The parameters of ConsistencyProofQuery. */
export const CONSISTENCY_PROOF_FIELDS: FieldList<ConsistencyProofQuery> = {
  first: 'required',
  second: 'required',
};

/** The routes of the audit log's Merkle tree (SPEC §11). */
export const AUDIT_TREE_OPERATIONS = {
  treeHead: operation('GET', '/api/v1/audit/tree-head', { query: TREE_HEAD_FIELDS }),
  publicKeys: operation('GET', '/api/v1/audit/public-keys'),
  inclusionProof: operation('GET', '/api/v1/audit/proofs/inclusion', {
    query: INCLUSION_PROOF_FIELDS,
  }),
  consistencyProof: operation('GET', '/api/v1/audit/proofs/consistency', {
    query: CONSISTENCY_PROOF_FIELDS,
  }),
} as const;

/**
 * `client.auditTree`: signed tree heads and proofs of the audit log. Check what they answer
 * with `verifyTreeHead`, `verifyInclusion` and `verifyConsistency`, not by trusting the service.
 */
export class AuditTreeResource {
  constructor(private readonly transport: Transport) {}

  /** A signed head: the latest, or the one kept at `tree_size`. */
  treeHead(query: TreeHeadQuery = {}, options: ReadOptions = {}): Promise<ApiResponse<TreeHead>> {
    return this.transport.call(AUDIT_TREE_OPERATIONS.treeHead, { query, options });
  }

  /** The keys that sign heads, old ones included so old heads stay verifiable. */
  async publicKeys(options: ReadOptions = {}): Promise<ApiResponse<readonly AuditPublicKey[]>> {
    return unwrap(
      await this.transport.call<{ readonly data: AuditPublicKey[] }>(
        AUDIT_TREE_OPERATIONS.publicKeys,
        { options },
      ),
    );
  }

  /** Where an event's leaf sits in a tree, and the path that proves it. */
  inclusionProof(
    query: InclusionProofQuery,
    options: ReadOptions = {},
  ): Promise<ApiResponse<InclusionProof>> {
    return this.transport.call(AUDIT_TREE_OPERATIONS.inclusionProof, { query, options });
  }

  /** That the tree of `second` leaves extends the tree of `first`. */
  consistencyProof(
    query: ConsistencyProofQuery,
    options: ReadOptions = {},
  ): Promise<ApiResponse<ConsistencyProof>> {
    return this.transport.call(AUDIT_TREE_OPERATIONS.consistencyProof, { query, options });
  }
}
