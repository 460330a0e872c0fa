import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Principal } from '@keyledger/domain';
import { SeriesPoint } from '@keyledger/read-models';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { WaitsForMinPosition } from '../../../shared/http/min-position';
import { AnalyticsEnvelope, answerAnalytics, wantsCsv } from '../../analytics-answer';
import { AnalyticsResponses } from '../../analytics.response';
import { GetOrgAnalyticsQuery } from './get-org-analytics.handler';
import { GetOrgAnalyticsRequestDto } from './get-org-analytics.request.dto';

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('api/v1/analytics')
export class GetOrgAnalyticsHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** An org's usage over time. */
  @Get()
  @WaitsForMinPosition()
  @ApiOperation({
    summary: "An org's usage over time",
    description:
      "The key series summed over the org's keys the caller's audit log covers: every key of " +
      'the org with `manageApiKeys`, otherwise their own keys in it. `group_by` breaks each ' +
      'bucket down by key, model or outcome in `groups`.',
  })
  @ApiProduces('application/json', 'text/csv')
  @AnalyticsResponses()
  async get(
    @CurrentPrincipal() principal: Principal,
    @Query() query: GetOrgAnalyticsRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AnalyticsEnvelope | string> {
    const points = await this.queries.execute<GetOrgAnalyticsQuery, SeriesPoint[]>(
      new GetOrgAnalyticsQuery(principal, query),
    );
    return answerAnalytics(reply, points, wantsCsv(query.format, request), 'org-analytics.csv');
  }
}
