import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { answerRead } from '../../../shared/http/answers';
import { Versioned } from '../../../shared/writes/write-result';
import { WebhookEnvelope, WebhookView } from '../../webhook-view';
import { ApiWebhookTarget } from '../../webhook-target';
import { GetWebhookQuery } from './get-webhook.handler';
import { WebhookEnvelopeResponse } from '../../webhook.response';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class GetWebhookHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** A subscription, with its revision as `ETag` for a later `If-Match`. */
  @Get(':id')
  @ApiOperation({ summary: 'Get a subscription' })
  @ApiWebhookTarget({ conditional: false })
  @ApiOkResponse({ description: '`{ data: Webhook }`', type: WebhookEnvelopeResponse })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookEnvelope> {
    const found = await this.queries.execute<GetWebhookQuery, Versioned<WebhookView>>(
      new GetWebhookQuery(principal, id),
    );
    return { data: answerRead(reply, found) };
  }
}
