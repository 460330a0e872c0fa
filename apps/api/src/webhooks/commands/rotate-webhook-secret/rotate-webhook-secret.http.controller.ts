import { Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { parseIfMatch } from '../../../shared/http/if-match';
import { Context } from '../../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../../shared/request-context/request-context';
import { answerWebhookSecret, WebhookSecretResult, WebhookWithSecret } from '../../webhook-answers';
import { ApiWebhookTarget } from '../../webhook-target';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.handler';

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
  @ApiOkResponse({ description: '`{ data: Webhook, secret }` — the new secret, shown once.' })
  async rotate(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookWithSecret> {
    const rotated = await this.commands.execute<RotateWebhookSecretCommand, WebhookSecretResult>(
      new RotateWebhookSecretCommand(principal, context, id, parseIfMatch(ifMatch)),
    );
    return answerWebhookSecret(reply, rotated);
  }
}
