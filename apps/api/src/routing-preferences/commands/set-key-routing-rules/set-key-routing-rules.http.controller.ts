import { Body, Controller, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { RoutingScopes } from '../../../auth/api-key-scopes';
import { KeyRoutingRulesView } from '../../key-routing-view';
import { KeyRoutingRulesResponse } from '../../key-routing.response';
import { answerWrite } from '../../../shared/http/answers';
import { CommandTarget, Target } from '../../../shared/http/command-target';
import { WriteResult } from '../../../shared/writes/write-result';
import { ApiKeyTarget } from '../../../keys/key-target';
import { SetKeyRoutingRulesCommand } from './set-key-routing-rules.handler';
import { SetKeyRoutingRulesRequestDto } from './set-key-routing-rules.request.dto';
import { ApiAccepted } from '../../../shared/openapi/api-accepted';

@ApiTags('routing-preferences')
@ApiBearerAuth()
@RoutingScopes()
@Controller('api/v1/keys')
export class SetKeyRoutingRulesHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Replaces the key's own routing rules. Honours `If-Match`. */
  @Put(':id/routing-rules')
  @ApiKeyTarget()
  @ApiOkResponse({
    description: '`{ key_id, has_routing_rules, rules, examples, confidence_floor_overrides }`',
    type: KeyRoutingRulesResponse,
  })
  @ApiAccepted(KeyRoutingRulesResponse)
  async set(
    @Target() target: CommandTarget,
    @Body() body: SetKeyRoutingRulesRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyRoutingRulesView> {
    const result = await this.commands.execute<
      SetKeyRoutingRulesCommand,
      WriteResult<KeyRoutingRulesView>
    >(new SetKeyRoutingRulesCommand(target, body));
    return answerWrite(reply, result);
  }
}
