import { ExportFormat } from '@keyledger/governance';
import { AuditFiltersInput } from '../../audit-filters.input';

/** Which audit entries an export holds, and its file format. */
export interface ExportAuditLogInput extends AuditFiltersInput {
  readonly format?: ExportFormat;
}
