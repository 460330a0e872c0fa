import { WebhookSubscriptionCreated } from './webhook.events';

/** A live subscription, folded from its stream. */
export interface WebhookFacts extends Omit<WebhookSubscriptionCreated['data'], 'subscription_id'> {
  readonly id: string;
  /** Paused subscriptions announce nothing; a subscription starts enabled. */
  readonly enabled: boolean;
  readonly updated_at: string;
}

/** Before creation, while delivering, and after deletion (terminal). */
export type WebhookSubscriptionState =
  | { readonly status: 'absent' }
  | { readonly status: 'live'; readonly subscription: WebhookFacts }
  | { readonly status: 'deleted' };

/** The state of a webhook stream with no events. */
export const initialWebhookSubscriptionState: WebhookSubscriptionState = { status: 'absent' };
