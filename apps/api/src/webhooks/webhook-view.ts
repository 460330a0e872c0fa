import { WebhookEventType, WebhookFacts } from '@keyledger/domain/webhooks';
import { WriteResult } from '../shared/writes/write-result';

/** A webhook subscription as the API shows it; never its signing secret. */
export interface WebhookView {
  readonly id: string;
  readonly url: string;
  readonly event_types: readonly WebhookEventType[];
  /** false: paused, events meanwhile are not delivered. */
  readonly enabled: boolean;
  readonly scope: WebhookFacts['scope'];
  readonly owner_user_id: string;
  readonly org_id: string | null;
  /** Which signing secret is current: 1 at creation, one more at each rotation. */
  readonly secret_version: number;
  readonly created_at: string;
  readonly updated_at: string;
}

/** Maps a live subscription to its public view. */
export function toWebhookView(subscription: WebhookFacts): WebhookView {
  return {
    id: subscription.id,
    url: subscription.url,
    event_types: subscription.event_types,
    enabled: subscription.enabled,
    scope: subscription.scope,
    owner_user_id: subscription.owner_user_id,
    org_id: subscription.org_id,
    secret_version: subscription.secret_version,
    created_at: subscription.created_at,
    updated_at: subscription.updated_at,
  };
}

/** The `{ data: Webhook }` envelope of every webhook route. */
export interface WebhookEnvelope {
  readonly data: WebhookView;
}

/** A webhook route's answer that shows the signing secret, the one time it is shown. */
export interface WebhookWithSecret extends WebhookEnvelope {
  readonly secret: string;
}

/** A command that shows the signing secret (create, rotate), as the pipeline answers it. */
export type WebhookSecretResult = WriteResult<WebhookView> & { readonly secret: string };
