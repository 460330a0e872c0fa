import { ScanOrder } from '@keyledger/governance';
import { AuditFiltersInput } from '../../audit-filters.input';

/** Which audit entries a listing asks for, the page, and the order. */
export interface ListAuditEntriesInput extends AuditFiltersInput {
  /** The `next_cursor` of the previous page. */
  readonly cursor?: string;
  readonly limit?: number;
  readonly order?: ScanOrder;
}
