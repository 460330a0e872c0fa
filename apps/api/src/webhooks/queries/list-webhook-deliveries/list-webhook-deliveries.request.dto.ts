import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DeliveryStatus } from '@keyledger/webhooks';
import { ListKeysRequestDto } from '../../../keys/queries/list-keys/list-keys.request.dto';
import { ListWebhookDeliveriesInput } from './list-webhook-deliveries.input';

const STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'dead', 'cancelled'];

/** Query of `GET /api/v1/webhooks/{id}/deliveries`: the keys list's paging, and a status filter. */
export class ListWebhookDeliveriesRequestDto
  extends PickType(ListKeysRequestDto, ['cursor', 'limit'] as const)
  implements ListWebhookDeliveriesInput
{
  @ApiPropertyOptional({
    enum: STATUSES,
    description:
      'pending (waiting for a first try or a retry), delivered, dead (gave up), cancelled.',
  })
  @IsOptional()
  @IsIn(STATUSES)
  readonly status?: DeliveryStatus;
}
