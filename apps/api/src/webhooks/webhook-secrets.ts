import { Inject, Injectable } from '@nestjs/common';
import { WebhookFacts, webhookSigningSecret } from '@keyledger/domain/webhooks';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';

/**
 * Signing secrets, derived from WEBHOOK_SECRET_KEY, the subscription id and its secret version
 * exactly as the delivery worker derives them to sign. Nothing secret is stored anywhere, so a
 * secret appears in the create and rotate responses and nowhere else.
 */
@Injectable()
export class WebhookSecrets {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The subscription's current signing secret (`whsec_…`). */
  of({ id, secret_version }: Pick<WebhookFacts, 'id' | 'secret_version'>): string {
    return webhookSigningSecret(this.config.webhooks.secretKey, id, secret_version);
  }
}
