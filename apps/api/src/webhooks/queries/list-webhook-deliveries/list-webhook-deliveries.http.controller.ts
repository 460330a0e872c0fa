import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { ApiWebhookTarget } from '../../webhook-target';
import { DeliveryLogPage } from './delivery-log-page';
import { ListWebhookDeliveriesQuery } from './list-webhook-deliveries.handler';
import { ListWebhookDeliveriesRequestDto } from './list-webhook-deliveries.request.dto';
import { DeliveryLogPageResponse } from '../../webhook.response';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class ListWebhookDeliveriesHttpController {
  constructor(private readonly queries: QueryBus) {}

  /**
   * The delivery log: each event owed to the subscription (newest first) with its status, the
   * time of its next retry, and every attempt (time, status code, duration, error).
   */
  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log: status, attempts and next retry of each event' })
  @ApiWebhookTarget({ conditional: false })
  @ApiOkResponse({
    description:
      '`{ data: [{event_id, event_type, status, attempts, next_attempt_at, attempt_log}], next_cursor }`',
    type: DeliveryLogPageResponse,
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query() filters: ListWebhookDeliveriesRequestDto,
  ): Promise<DeliveryLogPage> {
    return this.queries.execute<ListWebhookDeliveriesQuery, DeliveryLogPage>(
      new ListWebhookDeliveriesQuery(principal, id, filters),
    );
  }
}
