import { ApiResponse, unwrap } from '../core/api-response';
import { operation } from '../core/operation';
import { PageResponse, paginate } from '../core/pagination';
import { ReadOptions } from '../core/request-options';
import { Transport } from '../core/transport';
import {
  AuditEntry,
  EXPORT_AUDIT_FIELDS,
  ExportAuditQuery,
  LIST_AUDIT_FIELDS,
  ListAuditQuery,
} from './audit.types';

/** The routes of `/api/v1/audit`. */
export const AUDIT_OPERATIONS = {
  list: operation('GET', '/api/v1/audit', { query: LIST_AUDIT_FIELDS }),
  export: operation('GET', '/api/v1/audit/export', { query: EXPORT_AUDIT_FIELDS }),
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
}
