import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../audit/audit.module';
import { KeysModule } from '../keys/keys.module';
import { GetKeyAnalyticsHandler } from './queries/get-key-analytics/get-key-analytics.handler';
import { GetKeyAnalyticsHttpController } from './queries/get-key-analytics/get-key-analytics.http.controller';
import { GetOrgAnalyticsHandler } from './queries/get-org-analytics/get-org-analytics.handler';
import { GetOrgAnalyticsHttpController } from './queries/get-org-analytics/get-org-analytics.http.controller';
import { UsageAnalytics } from './usage-analytics';

/** Usage analytics over HTTP: a key's and an org's usage series, as JSON or CSV. */
@Module({
  imports: [CqrsModule, KeysModule, AuditModule],
  controllers: [GetKeyAnalyticsHttpController, GetOrgAnalyticsHttpController],
  providers: [UsageAnalytics, GetKeyAnalyticsHandler, GetOrgAnalyticsHandler],
})
export class AnalyticsModule {}
