import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { RoutingScopes } from '../../../auth/api-key-scopes';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { KeyRoutingRulesView } from '../../key-routing-view';
import { KeyRoutingRulesResponse } from '../../key-routing.response';
import { answerRead } from '../../../shared/http/answers';
import { Versioned } from '../../../shared/writes/write-result';
import { GetKeyRoutingRulesQuery } from './get-key-routing-rules.handler';

@ApiTags('routing-preferences')
@ApiBearerAuth()
@RoutingScopes()
@Controller('api/v1/keys')
export class GetKeyRoutingRulesHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** The key's own routing rules, with the key's revision as `ETag`. */
  @Get(':id/routing-rules')
  @ApiOkResponse({
    description: '`{ key_id, has_routing_rules, rules, examples, confidence_floor_overrides }`',
    type: KeyRoutingRulesResponse,
  })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyRoutingRulesView> {
    return answerRead(
      reply,
      await this.queries.execute<GetKeyRoutingRulesQuery, Versioned<KeyRoutingRulesView>>(
        new GetKeyRoutingRulesQuery(principal, id),
      ),
    );
  }
}
