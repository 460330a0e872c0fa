import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { WebhookDelivery } from '../../delivery/webhook-delivery';
import { WebhookDirectory } from '../../webhook-directory';
import { DeliveryLogPage, deliveryLogPage } from './delivery-log-page';
import { ListWebhookDeliveriesInput } from './list-webhook-deliveries.input';

export class ListWebhookDeliveriesQuery {
  constructor(
    readonly principal: Principal,
    readonly id: string,
    readonly filters: ListWebhookDeliveriesInput,
  ) {}
}

const DEFAULT_PAGE_SIZE = 50;

/**
 * The delivery log of a subscription the caller manages, from the worker's ledger. It shows what
 * the worker has taken in so far: an event appears once the worker has read it (normally within
 * milliseconds), and not at all while WEBHOOKS=off and no worker shares the data directory.
 */
@QueryHandler(ListWebhookDeliveriesQuery)
export class ListWebhookDeliveriesHandler implements IQueryHandler<
  ListWebhookDeliveriesQuery,
  DeliveryLogPage
> {
  constructor(
    private readonly directory: WebhookDirectory,
    private readonly delivery: WebhookDelivery,
  ) {}

  async execute({ principal, id, filters }: ListWebhookDeliveriesQuery): Promise<DeliveryLogPage> {
    const { data: subscription } = await this.directory.findManageable(principal, id);
    const { ledger } = this.delivery;
    return deliveryLogPage(ledger.deliveries(subscription.id), ledger.attempts(subscription.id), {
      status: filters.status,
      limit: filters.limit ?? DEFAULT_PAGE_SIZE,
      cursor: filters.cursor,
    });
  }
}
