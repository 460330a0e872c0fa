import { Body, Controller, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { RoutingScopes } from '../../../auth/api-key-scopes';
import { PreferenceView } from '../../preference-view';
import { PreferenceEnvelopeResponse } from '../../preference.response';
import { answerWrite } from '../../../shared/http/answers';
import { CommandTarget, Target } from '../../../shared/http/command-target';
import { WriteResult } from '../../../shared/writes/write-result';
import { ApiPreferenceTarget } from '../../preference-target';
import { UpdateRoutingPreferenceCommand } from './update-routing-preference.handler';
import { UpdateRoutingPreferenceRequestDto } from './update-routing-preference.request.dto';
import { ApiAccepted } from '../../../shared/openapi/api-accepted';

@ApiTags('routing-preferences')
@ApiBearerAuth()
@RoutingScopes()
@Controller('api/v1/routing-preferences')
export class UpdateRoutingPreferenceHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Changes a preference; collections it names are replaced whole. Honours `If-Match`. */
  @Patch(':id')
  @ApiPreferenceTarget()
  @ApiOkResponse({ description: '`{ data: RoutingPreference }`', type: PreferenceEnvelopeResponse })
  @ApiAccepted(PreferenceEnvelopeResponse)
  async update(
    @Target() target: CommandTarget,
    @Body() body: UpdateRoutingPreferenceRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ data: PreferenceView }> {
    const result = await this.commands.execute<
      UpdateRoutingPreferenceCommand,
      WriteResult<PreferenceView>
    >(new UpdateRoutingPreferenceCommand(target, body));
    return { data: answerWrite(reply, result) };
  }
}
