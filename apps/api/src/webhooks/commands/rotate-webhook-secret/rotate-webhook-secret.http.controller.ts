import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CommandTarget, Target } from '../../../shared/http/command-target';
import { answerSecret } from '../../../shared/http/answers';
import { WebhookSecretResult, WebhookWithSecret } from '../../webhook-view';
import { ApiWebhookTarget } from '../../webhook-target';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.handler';
import { WebhookWithSecretResponse } from '../../webhook.response';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class RotateWebhookSecretHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Replaces the signing secret at once; the new one is in this response only. Honours `If-Match`. */
  @Post(':id/rotate-secret')
  @ApiOperation({ summary: 'Replace the signing secret; the new one is shown once' })
  @HttpCode(200)
  @ApiWebhookTarget({ conditional: true })
  @ApiOkResponse({
    description: '`{ data: Webhook, secret }` — the new secret, shown once.',
    type: WebhookWithSecretResponse,
  })
  async rotate(
    @Target() target: CommandTarget,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookWithSecret> {
    const rotated = await this.commands.execute<RotateWebhookSecretCommand, WebhookSecretResult>(
      new RotateWebhookSecretCommand(target),
    );
    return answerSecret(reply, rotated);
  }
}
