import { ApiResponse, unwrap } from '../core/api-response';
import { operation } from '../core/operation';
import { PageResponse, paginate } from '../core/pagination';
import { ReadOptions } from '../core/request-options';
import { Transport } from '../core/transport';
import {
  AUDIT_ENTRY_FIELDS,
  AuditEntry,
  EXPORT_AUDIT_FIELDS,
  ExportAuditQuery,
  LIST_AUDIT_FIELDS,
  ListAuditQuery,
} from './audit.types';
import {
  AUDIT_PUBLIC_KEY_FIELDS,
  AuditPublicKey,
  CONSISTENCY_PROOF_FIELDS,
  CONSISTENCY_PROOF_QUERY_FIELDS,
  ConsistencyProof,
  ConsistencyProofQuery,
  INCLUSION_PROOF_FIELDS,
  INCLUSION_PROOF_QUERY_FIELDS,
  InclusionProof,
  InclusionProofQuery,
  TREE_HEAD_FIELDS,
  TREE_HEAD_QUERY_FIELDS,
  TreeHead,
  TreeHeadQuery,
} from './audit-proof.types';

/** The routes of `/api/v1/audit`. */
export const AUDIT_OPERATIONS = {
  list: operation('GET', '/api/v1/audit', {
    query: LIST_AUDIT_FIELDS,
    response: AUDIT_ENTRY_FIELDS,
  }),
  export: operation('GET', '/api/v1/audit/export', { query: EXPORT_AUDIT_FIELDS }),
  treeHead: operation('GET', '/api/v1/audit/tree-head', {
    query: TREE_HEAD_QUERY_FIELDS,
    response: TREE_HEAD_FIELDS,
  }),
  publicKeys: operation('GET', '/api/v1/audit/public-keys', { response: AUDIT_PUBLIC_KEY_FIELDS }),
  inclusionProof: operation('GET', '/api/v1/audit/proofs/inclusion', {
    query: INCLUSION_PROOF_QUERY_FIELDS,
    response: INCLUSION_PROOF_FIELDS,
  }),
  consistencyProof: operation('GET', '/api/v1/audit/proofs/consistency', {
    query: CONSISTENCY_PROOF_QUERY_FIELDS,
    response: CONSISTENCY_PROOF_FIELDS,
  }),
} as const;

type Page = { readonly data: AuditEntry[]; readonly next_cursor: string | null };

/** `client.audit`: the audit log (SPEC §6) of the keys the caller owns or manages. */
export class AuditResource {
  constructor(private readonly transport: Transport) {}

  /** One page of entries, newest first unless `order: 'asc'`; a time range may give short pages. */
  async list(
    query: ListAuditQuery = {},
    options: ReadOptions = {},
  ): Promise<PageResponse<AuditEntry>> {
    return unwrap(await this.transport.call<Page>(AUDIT_OPERATIONS.list, { query, options }));
  }

  /** Every entry the filters select, page after page. */
  iterate(
    query: Omit<ListAuditQuery, 'cursor'> = {},
    options: ReadOptions = {},
  ): AsyncGenerator<AuditEntry> {
    return paginate((cursor) => this.list({ ...query, cursor }, options));
  }

  /**
   * The whole selection as one file, oldest first: NDJSON (the default) or CSV. `data` is its
   * text; the `content-disposition` header names the file.
   */
  export(query: ExportAuditQuery = {}, options: ReadOptions = {}): Promise<ApiResponse<string>> {
    return this.transport.callText(AUDIT_OPERATIONS.export, { query, options });
  }

  /** The latest signed tree head, or the one kept at `tree_size`; check it with `verifyTreeHead`. */
  treeHead(query: TreeHeadQuery = {}, options: ReadOptions = {}): Promise<ApiResponse<TreeHead>> {
    return this.transport.call<TreeHead>(AUDIT_OPERATIONS.treeHead, { query, options });
  }

  /** Every key that ever signed a head (old ones too, so old heads stay verifiable). */
  async publicKeys(options: ReadOptions = {}): Promise<ApiResponse<AuditPublicKey[]>> {
    return unwrap(
      await this.transport.call<{ data: AuditPublicKey[] }>(AUDIT_OPERATIONS.publicKeys, {
        options,
      }),
    );
  }

  /** Where an event of the caller's audit log sits in the tree; check with `verifyInclusion`. */
  inclusionProof(
    query: InclusionProofQuery,
    options: ReadOptions = {},
  ): Promise<ApiResponse<InclusionProof>> {
    return this.transport.call<InclusionProof>(AUDIT_OPERATIONS.inclusionProof, { query, options });
  }

  /** That the tree of `second` extends the tree of `first`; check with `verifyConsistency`. */
  consistencyProof(
    query: ConsistencyProofQuery,
    options: ReadOptions = {},
  ): Promise<ApiResponse<ConsistencyProof>> {
    return this.transport.call<ConsistencyProof>(AUDIT_OPERATIONS.consistencyProof, {
      query,
      options,
    });
  }
}
