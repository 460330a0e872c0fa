import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Principal } from '@keyledger/domain';
import { SeriesPoint } from '@keyledger/read-models';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { WaitsForMinPosition } from '../../../shared/http/min-position';
import { AnalyticsEnvelope, answerAnalytics, wantsCsv } from '../../analytics-answer';
import { AnalyticsRangeRequestDto } from '../../analytics-range.request.dto';
import { AnalyticsResponses } from '../../analytics.response';
import { GetKeyAnalyticsQuery } from './get-key-analytics.handler';

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('api/v1/keys')
export class GetKeyAnalyticsHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** A key's usage over time, bucket by bucket. */
  @Get(':id/analytics')
  @WaitsForMinPosition()
  @ApiOperation({
    summary: "A key's usage over time",
    description:
      'Hourly or daily buckets over [from, to), empty ones included: admitted requests, refusals ' +
      'by code, cost and BYOK cost, and the same per model. Usage reaches the buckets once an ' +
      'instance has flushed it (USAGE_FLUSH_INTERVAL_MS) and the projection has applied it.',
  })
  @ApiProduces('application/json', 'text/csv')
  @AnalyticsResponses()
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query() query: AnalyticsRangeRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AnalyticsEnvelope | string> {
    const points = await this.queries.execute<GetKeyAnalyticsQuery, SeriesPoint[]>(
      new GetKeyAnalyticsQuery(principal, id, query),
    );
    return answerAnalytics(reply, points, wantsCsv(query.format, request), 'key-analytics.csv');
  }
}
