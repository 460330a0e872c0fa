import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { WritesModule } from '../shared/writes/writes.module';
import { CreateWebhookHandler } from './commands/create-webhook/create-webhook.handler';
import { CreateWebhookHttpController } from './commands/create-webhook/create-webhook.http.controller';
import { DeleteWebhookHandler } from './commands/delete-webhook/delete-webhook.handler';
import { DeleteWebhookHttpController } from './commands/delete-webhook/delete-webhook.http.controller';
import { RotateWebhookSecretHandler } from './commands/rotate-webhook-secret/rotate-webhook-secret.handler';
import { RotateWebhookSecretHttpController } from './commands/rotate-webhook-secret/rotate-webhook-secret.http.controller';
import { UpdateWebhookHandler } from './commands/update-webhook/update-webhook.handler';
import { UpdateWebhookHttpController } from './commands/update-webhook/update-webhook.http.controller';
import { WebhookDelivery } from './delivery/webhook-delivery';
import { GetWebhookHandler } from './queries/get-webhook/get-webhook.handler';
import { GetWebhookHttpController } from './queries/get-webhook/get-webhook.http.controller';
import { ListWebhookDeliveriesHandler } from './queries/list-webhook-deliveries/list-webhook-deliveries.handler';
import { ListWebhookDeliveriesHttpController } from './queries/list-webhook-deliveries/list-webhook-deliveries.http.controller';
import { ListWebhooksHandler } from './queries/list-webhooks/list-webhooks.handler';
import { ListWebhooksHttpController } from './queries/list-webhooks/list-webhooks.http.controller';
import { WebhookDirectory } from './webhook-directory';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookTargets } from './webhook-targets';

/**
 * Outbound webhooks (SPEC §6): subscriptions managed under `/api/v1/webhooks`, and the delivery
 * worker, run with the app from the event store, whose ledger is the delivery log.
 */
@Module({
  imports: [CqrsModule, WritesModule],
  controllers: [
    CreateWebhookHttpController,
    ListWebhooksHttpController,
    GetWebhookHttpController,
    UpdateWebhookHttpController,
    DeleteWebhookHttpController,
    RotateWebhookSecretHttpController,
    ListWebhookDeliveriesHttpController,
  ],
  providers: [
    WebhookDirectory,
    WebhookSecrets,
    WebhookTargets,
    WebhookDelivery,
    CreateWebhookHandler,
    UpdateWebhookHandler,
    DeleteWebhookHandler,
    RotateWebhookSecretHandler,
    ListWebhooksHandler,
    GetWebhookHandler,
    ListWebhookDeliveriesHandler,
  ],
})
export class WebhooksModule {}
