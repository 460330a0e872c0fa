import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, Principal } from '@keyledger/domain';
import { CLOCK } from '../../../infrastructure/tokens';
import { AuditLog } from '../../audit-log';
import { scanAll } from '../../audit-scan';
import { chunkedLines, EXPORT_FORMAT, exportFileName } from '@keyledger/governance';
import { ExportAuditLogInput } from './export-audit-log.input';

export class ExportAuditLogQuery {
  constructor(
    readonly principal: Principal,
    readonly filters: ExportAuditLogInput,
  ) {}
}

/** An export about to stream: what to label it, and its lines (in chunks), pulled only as they are sent. */
export interface AuditExport {
  readonly contentType: string;
  readonly fileName: string;
  readonly lines: AsyncGenerator<string>;
}

/**
 * The caller's filtered audit log as NDJSON or CSV, oldest first. Scope and filters are checked
 * before anything is sent, so a refusal is still a SPEC §7 error; the lines then stream from the
 * read store one page at a time, so memory stays flat however long the log.
 */
@QueryHandler(ExportAuditLogQuery)
export class ExportAuditLogHandler implements IQueryHandler<ExportAuditLogQuery, AuditExport> {
  constructor(
    private readonly log: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, filters }: ExportAuditLogQuery): Promise<AuditExport> {
    const format = filters.format ?? 'ndjson';
    const selection = await this.log.select(principal, filters);
    return {
      contentType: EXPORT_FORMAT[format].contentType,
      fileName: exportFileName(format, this.clock.now()),
      lines: chunkedLines(EXPORT_FORMAT[format].lines(scanAll(this.log.entries, selection))),
    };
  }
}
