import { Body, Controller, Headers, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { RoutingScopes } from '../../../auth/api-key-scopes';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { parseIfMatch } from '../../../shared/http/if-match';
import { Context } from '../../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../../shared/request-context/request-context';
import { KeyRoutingRulesView } from '../../key-routing-view';
import { KeyRoutingRulesResponse } from '../../key-routing.response';
import { answerWrite, WriteResult } from '../../write-result';
import { SetKeyRoutingRulesCommand } from './set-key-routing-rules.handler';
import { SetKeyRoutingRulesRequestDto } from './set-key-routing-rules.request.dto';

@ApiTags('routing-preferences')
@ApiBearerAuth()
@RoutingScopes()
@Controller('api/v1/keys')
export class SetKeyRoutingRulesHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Replaces the key's own routing rules. Honours `If-Match`. */
  @Put(':id/routing-rules')
  @ApiOkResponse({
    description: '`{ key_id, has_routing_rules, rules, examples, confidence_floor_overrides }`',
    type: KeyRoutingRulesResponse,
  })
  async set(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Param('id') id: string,
    @Body() body: SetKeyRoutingRulesRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyRoutingRulesView> {
    const result = await this.commands.execute<
      SetKeyRoutingRulesCommand,
      WriteResult<KeyRoutingRulesView>
    >(new SetKeyRoutingRulesCommand(principal, context, id, body, parseIfMatch(ifMatch)));
    return answerWrite(reply, result);
  }
}
