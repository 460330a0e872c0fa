import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AuditFiltersRequestDto } from '../../audit-filters.request.dto';
import { EXPORT_FORMATS, ExportFormat } from '@keyledger/governance';
import { ExportAuditLogInput } from './export-audit-log.input';

/** Query of `GET /api/v1/audit/export`: the audit log's filters, and the file format. */
export class ExportAuditLogRequestDto
  extends AuditFiltersRequestDto
  implements ExportAuditLogInput
{
  @ApiPropertyOptional({
    enum: EXPORT_FORMATS,
    default: 'ndjson',
    description: 'NDJSON: one JSON entry per line. CSV: RFC 4180, a header line, CRLF line ends.',
  })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  readonly format?: ExportFormat;
}
