import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { Context } from '../../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../../shared/request-context/request-context';
import { answerSecret } from '../../../shared/http/answers';
import { WebhookSecretResult, WebhookWithSecret } from '../../webhook-view';
import { CreateWebhookCommand } from './create-webhook.handler';
import { CreateWebhookRequestDto } from './create-webhook.request.dto';
import { WebhookWithSecretResponse } from '../../webhook.response';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class CreateWebhookHttpController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * Subscribes an endpoint to key lifecycle events. The response is the only place the signing
   * secret appears: keep it to verify `X-Keyledger-Signature` (rotate it if it is lost).
   */
  @Post()
  @ApiOperation({
    summary: 'Subscribe an endpoint to key events; the signing secret is shown once',
  })
  @HttpCode(201)
  @ApiCreatedResponse({
    description: '`{ data: Webhook, secret }` — the signing secret (`whsec_…`) is shown once.',
    type: WebhookWithSecretResponse,
  })
  @ApiResponse({
    status: 403,
    description: '`forbidden`: an org subscription needs manageApiKeys in that org.',
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Body() body: CreateWebhookRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookWithSecret> {
    const created = await this.commands.execute<CreateWebhookCommand, WebhookSecretResult>(
      new CreateWebhookCommand(principal, context, body),
    );
    return answerSecret(reply, created);
  }
}
