import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../audit/audit.module';
import { RunReportHandler } from './queries/run-report/run-report.handler';
import { RunReportHttpController } from './queries/run-report/run-report.http.controller';
import { CallerReportSources } from './report-sources';

/**
 * Governance reports over HTTP (`/api/v1/reports/<name>`): keys by state per org and per owner,
 * keys without a limit or an expiry, unused keys, keys near their limit, recent revocations.
 * Usage comes from the resolution engine (a global provider), keys from the read model.
 */
@Module({
  imports: [CqrsModule, AuditModule],
  controllers: [RunReportHttpController],
  providers: [CallerReportSources, RunReportHandler],
})
export class ReportsModule {}
