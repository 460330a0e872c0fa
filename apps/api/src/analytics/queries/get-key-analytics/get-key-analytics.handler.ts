import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, Principal } from '@keyledger/domain';
import { SeriesPoint } from '@keyledger/read-models';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { CLOCK } from '../../../infrastructure/tokens';
import { KeyDirectory } from '../../../keys/key-directory';
import { analyticsRange } from '../../analytics-range';
import { AnalyticsRangeRequestDto } from '../../analytics-range.request.dto';
import { UsageAnalytics } from '../../usage-analytics';

export class GetKeyAnalyticsQuery {
  constructor(
    readonly principal: Principal,
    readonly idOrHash: string,
    readonly range: AnalyticsRangeRequestDto,
  ) {}
}

/** A visible key's usage series; an invisible key is as missing as an absent one (404). */
@QueryHandler(GetKeyAnalyticsQuery)
export class GetKeyAnalyticsHandler implements IQueryHandler<GetKeyAnalyticsQuery, SeriesPoint[]> {
  constructor(
    private readonly directory: KeyDirectory,
    private readonly analytics: UsageAnalytics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ principal, idOrHash, range }: GetKeyAnalyticsQuery): Promise<SeriesPoint[]> {
    const checked = analyticsRange(
      range,
      this.clock.now(),
      this.config.analytics.hourlyRetentionDays,
    );
    const key = await this.directory.findVisible(principal, idOrHash);
    return this.analytics.ofKey(key.id, checked);
  }
}
