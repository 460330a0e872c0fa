import { WebhookSubscriptionEvent } from '@keyledger/domain/webhooks';
import { eventGuard } from '../projection/event-guard';

/** Whether a stored event is one of the webhook subscription events this version knows. */
export const isWebhookSubscriptionEvent = eventGuard<WebhookSubscriptionEvent>({
  WebhookSubscriptionCreated: true,
  WebhookSubscriptionUpdated: true,
  WebhookSecretRotated: true,
  WebhookSubscriptionDeleted: true,
});
