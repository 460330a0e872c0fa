import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { KeysModule } from '../keys/keys.module';
import { AuditLog } from './audit-log';
import { AuditScope } from './audit-scope';
import { ExportAuditLogHandler } from './queries/export-audit-log/export-audit-log.handler';
import { ExportAuditLogHttpController } from './queries/export-audit-log/export-audit-log.http.controller';
import { GetKeyHistoryHandler } from './queries/get-key-history/get-key-history.handler';
import { GetKeyHistoryHttpController } from './queries/get-key-history/get-key-history.http.controller';
import { ListAuditEntriesHandler } from './queries/list-audit-entries/list-audit-entries.handler';
import { ListAuditEntriesHttpController } from './queries/list-audit-entries/list-audit-entries.http.controller';

/**
 * The audit trail over HTTP: a key's history, the filtered audit log with cursor paging, and its
 * streamed export. `AuditScope` (which keys a caller's log covers) is shared with the reports.
 */
@Module({
  imports: [CqrsModule, KeysModule],
  controllers: [
    GetKeyHistoryHttpController,
    ExportAuditLogHttpController,
    ListAuditEntriesHttpController,
  ],
  providers: [
    AuditScope,
    AuditLog,
    GetKeyHistoryHandler,
    ListAuditEntriesHandler,
    ExportAuditLogHandler,
  ],
  exports: [AuditScope],
})
export class AuditModule {}
