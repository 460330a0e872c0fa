import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, Principal } from '@keyledger/domain';
import { SeriesPoint } from '@keyledger/read-models';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { AuditScope } from '../../../audit/audit-scope';
import { CLOCK } from '../../../infrastructure/tokens';
import { analyticsRange } from '../../analytics-range';
import { UsageAnalytics } from '../../usage-analytics';
import { GetOrgAnalyticsRequestDto } from './get-org-analytics.request.dto';

export class GetOrgAnalyticsQuery {
  constructor(
    readonly principal: Principal,
    readonly query: GetOrgAnalyticsRequestDto,
  ) {}
}

/**
 * An org's usage series over the keys the caller's audit log covers there: every key of the org
 * with `manageApiKeys`, else the caller's own keys in it (none outside their orgs).
 */
@QueryHandler(GetOrgAnalyticsQuery)
export class GetOrgAnalyticsHandler implements IQueryHandler<GetOrgAnalyticsQuery, SeriesPoint[]> {
  constructor(
    private readonly scope: AuditScope,
    private readonly analytics: UsageAnalytics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ principal, query }: GetOrgAnalyticsQuery): Promise<SeriesPoint[]> {
    const range = analyticsRange(
      query,
      this.clock.now(),
      this.config.analytics.hourlyRetentionDays,
    );
    const covered = new Set(await this.scope.keyIds(principal, { org_id: query.org_id }));
    return this.analytics.ofOrg(
      query.org_id,
      (keyId) => covered.has(keyId),
      range,
      query.group_by ?? null,
    );
  }
}
