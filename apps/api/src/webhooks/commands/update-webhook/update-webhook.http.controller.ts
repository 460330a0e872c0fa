import { Body, Controller, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CommandTarget, Target } from '../../../shared/http/command-target';
import { answerWrite } from '../../../shared/http/answers';
import { WriteResult } from '../../../shared/writes/write-result';
import { WebhookEnvelope, WebhookView } from '../../webhook-view';
import { ApiWebhookTarget } from '../../webhook-target';
import { UpdateWebhookCommand } from './update-webhook.handler';
import { UpdateWebhookRequestDto } from './update-webhook.request.dto';
import { WebhookEnvelopeResponse } from '../../webhook.response';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class UpdateWebhookHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Changes the URL or the event types of a subscription. Honours `If-Match`. */
  @Patch(':id')
  @ApiOperation({ summary: 'Change the URL or the event types of a subscription' })
  @ApiWebhookTarget({ conditional: true })
  @ApiOkResponse({ description: '`{ data: Webhook }`', type: WebhookEnvelopeResponse })
  async update(
    @Target() target: CommandTarget,
    @Body() body: UpdateWebhookRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookEnvelope> {
    const result = await this.commands.execute<UpdateWebhookCommand, WriteResult<WebhookView>>(
      new UpdateWebhookCommand(target, body),
    );
    return { data: answerWrite(reply, result) };
  }
}
