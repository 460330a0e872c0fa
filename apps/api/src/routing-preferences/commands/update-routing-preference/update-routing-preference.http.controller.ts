import { Body, Controller, Headers, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { RoutingScopes } from '../../../auth/api-key-scopes';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { parseIfMatch } from '../../../shared/http/if-match';
import { Context } from '../../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../../shared/request-context/request-context';
import { PreferenceView } from '../../preference-view';
import { PreferenceEnvelopeResponse } from '../../preference.response';
import { answerWrite, WriteResult } from '../../write-result';
import { UpdateRoutingPreferenceCommand } from './update-routing-preference.handler';
import { UpdateRoutingPreferenceRequestDto } from './update-routing-preference.request.dto';

@ApiTags('routing-preferences')
@ApiBearerAuth()
@RoutingScopes()
@Controller('api/v1/routing-preferences')
export class UpdateRoutingPreferenceHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Changes a preference; collections it names are replaced whole. Honours `If-Match`. */
  @Patch(':id')
  @ApiOkResponse({ description: '`{ data: RoutingPreference }`', type: PreferenceEnvelopeResponse })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Param('id') id: string,
    @Body() body: UpdateRoutingPreferenceRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ data: PreferenceView }> {
    const result = await this.commands.execute<
      UpdateRoutingPreferenceCommand,
      WriteResult<PreferenceView>
    >(new UpdateRoutingPreferenceCommand(principal, context, id, body, parseIfMatch(ifMatch)));
    return { data: answerWrite(reply, result) };
  }
}
