import { Body, Controller, Headers, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { parseIfMatch } from '../../../shared/http/if-match';
import { Context } from '../../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../../shared/request-context/request-context';
import { answerWebhookWrite, WebhookEnvelope, WebhookWriteResult } from '../../webhook-answers';
import { ApiWebhookTarget } from '../../webhook-target';
import { UpdateWebhookCommand } from './update-webhook.handler';
import { UpdateWebhookRequestDto } from './update-webhook.request.dto';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class UpdateWebhookHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Changes the URL or the event types of a subscription. Honours `If-Match`. */
  @Patch(':id')
  @ApiOperation({ summary: 'Change the URL or the event types of a subscription' })
  @ApiWebhookTarget({ conditional: true })
  @ApiOkResponse({ description: '`{ data: Webhook }`' })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Param('id') id: string,
    @Body() body: UpdateWebhookRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookEnvelope> {
    const result = await this.commands.execute<UpdateWebhookCommand, WebhookWriteResult>(
      new UpdateWebhookCommand(principal, context, id, body, parseIfMatch(ifMatch)),
    );
    return answerWebhookWrite(reply, result);
  }
}
