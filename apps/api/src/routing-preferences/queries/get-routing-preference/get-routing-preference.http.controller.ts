import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { RoutingScopes } from '../../../auth/api-key-scopes';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { PreferenceView } from '../../preference-view';
import { PreferenceEnvelopeResponse } from '../../preference.response';
import { answerRead } from '../../../shared/http/answers';
import { Versioned } from '../../../shared/writes/write-result';
import { GetRoutingPreferenceQuery } from './get-routing-preference.handler';

@ApiTags('routing-preferences')
@ApiBearerAuth()
@RoutingScopes()
@Controller('api/v1/routing-preferences')
export class GetRoutingPreferenceHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** A preference, with its revision as `ETag` for a later `If-Match`. */
  @Get(':id')
  @ApiOkResponse({ description: '`{ data: RoutingPreference }`', type: PreferenceEnvelopeResponse })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ data: PreferenceView }> {
    const result = await this.queries.execute<GetRoutingPreferenceQuery, Versioned<PreferenceView>>(
      new GetRoutingPreferenceQuery(principal, id),
    );
    return { data: answerRead(reply, result) };
  }
}
