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
import { KeyPreferenceView } from '../../key-routing-view';
import { KeyPreferenceResponse } from '../../key-routing.response';
import { answerWrite, WriteResult } from '../../write-result';
import { BindKeyPreferenceCommand } from './bind-key-preference.handler';
import { BindKeyPreferenceRequestDto } from './bind-key-preference.request.dto';

@ApiTags('routing-preferences')
@ApiBearerAuth()
@RoutingScopes()
@Controller('api/v1/keys')
export class BindKeyPreferenceHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Binds the key (by id or hash) to a routing preference; null clears. Honours `If-Match`. */
  @Put(':id/routing-preference')
  @ApiOkResponse({
    description: '`{ key_id, preference_id, inherits_default }`',
    type: KeyPreferenceResponse,
  })
  async bind(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Param('id') id: string,
    @Body() body: BindKeyPreferenceRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyPreferenceView> {
    const result = await this.commands.execute<
      BindKeyPreferenceCommand,
      WriteResult<KeyPreferenceView>
    >(
      new BindKeyPreferenceCommand(
        principal,
        context,
        id,
        body.preference_id,
        parseIfMatch(ifMatch),
      ),
    );
    return answerWrite(reply, result);
  }
}
