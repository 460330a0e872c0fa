import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { RoutingScopes } from '../../../auth/api-key-scopes';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { KeyPreferenceView } from '../../key-routing-view';
import { KeyPreferenceResponse } from '../../key-routing.response';
import { answerRead } from '../../../shared/http/answers';
import { Versioned } from '../../../shared/writes/write-result';
import { GetKeyPreferenceQuery } from './get-key-preference.handler';

@ApiTags('routing-preferences')
@ApiBearerAuth()
@RoutingScopes()
@Controller('api/v1/keys')
export class GetKeyPreferenceHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** The key's binding, with the key's revision as `ETag`. */
  @Get(':id/routing-preference')
  @ApiOkResponse({
    description: '`{ key_id, preference_id, inherits_default }`',
    type: KeyPreferenceResponse,
  })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyPreferenceView> {
    return answerRead(
      reply,
      await this.queries.execute<GetKeyPreferenceQuery, Versioned<KeyPreferenceView>>(
        new GetKeyPreferenceQuery(principal, id),
      ),
    );
  }
}
