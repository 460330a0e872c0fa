import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { ListWebhooksQuery, WebhookList } from './list-webhooks.handler';
import { WebhookListResponse } from '../../webhook.response';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class ListWebhooksHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** Subscriptions the caller manages: its personal ones and those of orgs where it has manageApiKeys. */
  @Get()
  @ApiOperation({ summary: 'List the subscriptions the caller manages' })
  @ApiOkResponse({ description: '`{ data: Webhook[] }`, newest first.', type: WebhookListResponse })
  list(@CurrentPrincipal() principal: Principal): Promise<WebhookList> {
    return this.queries.execute<ListWebhooksQuery, WebhookList>(new ListWebhooksQuery(principal));
  }
}
