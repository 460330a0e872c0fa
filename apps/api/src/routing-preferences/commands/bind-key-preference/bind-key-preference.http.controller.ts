import { Body, Controller, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { RoutingScopes } from '../../../auth/api-key-scopes';
import { KeyPreferenceView } from '../../key-routing-view';
import { KeyPreferenceResponse } from '../../key-routing.response';
import { answerWrite } from '../../../shared/http/answers';
import { CommandTarget, Target } from '../../../shared/http/command-target';
import { WriteResult } from '../../../shared/writes/write-result';
import { ApiKeyTarget } from '../../../keys/key-target';
import { BindKeyPreferenceCommand } from './bind-key-preference.handler';
import { BindKeyPreferenceRequestDto } from './bind-key-preference.request.dto';
import { ApiAccepted } from '../../../shared/openapi/api-accepted';

@ApiTags('routing-preferences')
@ApiBearerAuth()
@RoutingScopes()
@Controller('api/v1/keys')
export class BindKeyPreferenceHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Binds the key (by id or hash) to a routing preference; null clears. Honours `If-Match`. */
  @Put(':id/routing-preference')
  @ApiKeyTarget()
  @ApiOkResponse({
    description: '`{ key_id, preference_id, inherits_default }`',
    type: KeyPreferenceResponse,
  })
  @ApiAccepted(KeyPreferenceResponse)
  async bind(
    @Target() target: CommandTarget,
    @Body() body: BindKeyPreferenceRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyPreferenceView> {
    const result = await this.commands.execute<
      BindKeyPreferenceCommand,
      WriteResult<KeyPreferenceView>
    >(new BindKeyPreferenceCommand(target, body.preference_id));
    return answerWrite(reply, result);
  }
}
