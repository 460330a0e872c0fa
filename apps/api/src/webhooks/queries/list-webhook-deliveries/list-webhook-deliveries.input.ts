import { DeliveryStatus } from '@keyledger/webhooks';

/** Which deliveries of a subscription a listing asks for, and the page. */
export interface ListWebhookDeliveriesInput {
  /** The `next_cursor` of the previous page. */
  readonly cursor?: string;
  readonly limit?: number;
  readonly status?: DeliveryStatus;
}
