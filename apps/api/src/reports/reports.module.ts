import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../audit/audit.module';
import { OrgKeyPolicyModule } from '../org-key-policy/org-key-policy.module';
import { RunReportHandler } from './queries/run-report/run-report.handler';
import { RunReportHttpController } from './queries/run-report/run-report.http.controller';
import { CallerReportSources } from './report-sources';

/**
 * Governance reports over HTTP (`/api/v1/reports/<name>`): keys by state per org and per owner,
 * keys without a limit or an expiry, unused keys, keys near their limit, keys breaking their
 * org's key policy, recent revocations.
 * Usage comes from the resolution engine (a global provider), keys from the read model.
 */
@Module({
  imports: [CqrsModule, AuditModule, OrgKeyPolicyModule],
  controllers: [RunReportHttpController],
  providers: [CallerReportSources, RunReportHandler],
})
export class ReportsModule {}
