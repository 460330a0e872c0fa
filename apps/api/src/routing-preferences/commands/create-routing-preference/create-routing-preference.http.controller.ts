import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { RoutingScopes } from '../../../auth/api-key-scopes';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { Context } from '../../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../../shared/request-context/request-context';
import { PreferenceView } from '../../preference-view';
import { PreferenceEnvelopeResponse } from '../../preference.response';
import { answerWrite } from '../../../shared/http/answers';
import { WriteResult } from '../../../shared/writes/write-result';
import { CreateRoutingPreferenceCommand } from './create-routing-preference.handler';
import { CreateRoutingPreferenceRequestDto } from './create-routing-preference.request.dto';
import { ApiAccepted } from '../../../shared/openapi/api-accepted';

@ApiTags('routing-preferences')
@ApiBearerAuth()
@RoutingScopes()
@Controller('api/v1/routing-preferences')
export class CreateRoutingPreferenceHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Creates a personal preference, or a team one in the caller's active organization. */
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({
    description: '`{ data: RoutingPreference }`',
    type: PreferenceEnvelopeResponse,
  })
  @ApiAccepted(PreferenceEnvelopeResponse)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Body() body: CreateRoutingPreferenceRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ data: PreferenceView }> {
    const result = await this.commands.execute<
      CreateRoutingPreferenceCommand,
      WriteResult<PreferenceView>
    >(new CreateRoutingPreferenceCommand(principal, context, body));
    return { data: answerWrite(reply, result) };
  }
}
