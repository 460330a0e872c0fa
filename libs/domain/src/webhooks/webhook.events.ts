import { KeyOwnership } from '../keys/key.events';
import { WebhookEventType } from './webhook-event-types';

/**
 * An endpoint now hears about keys: an org subscription about the org's keys, a personal one
 * about its owner's personal keys. No secret here: the signing secret is derived from the
 * subscription id and `secret_version` (see webhookSigningSecret).
 */
export interface WebhookSubscriptionCreated {
  readonly type: 'WebhookSubscriptionCreated';
  readonly data: {
    readonly subscription_id: string;
    readonly scope: KeyOwnership;
    readonly owner_user_id: string;
    readonly org_id: string | null;
    readonly url: string;
    readonly event_types: readonly WebhookEventType[];
    readonly secret_version: number;
    readonly created_at: string;
  };
}

/** The endpoint, the announced types or whether it is enabled changed; only the changed fields are present. */
export interface WebhookSubscriptionUpdated {
  readonly type: 'WebhookSubscriptionUpdated';
  readonly data: {
    readonly subscription_id: string;
    readonly url?: string;
    readonly event_types?: readonly WebhookEventType[];
    readonly enabled?: boolean;
    readonly updated_at: string;
  };
}

/** A new signing secret replaced the old one at once (the old one may have leaked). */
export interface WebhookSecretRotated {
  readonly type: 'WebhookSecretRotated';
  readonly data: {
    readonly subscription_id: string;
    readonly secret_version: number;
    readonly rotated_at: string;
  };
}

/** Terminal: nothing more is delivered, including deliveries still waiting for a retry. */
export interface WebhookSubscriptionDeleted {
  readonly type: 'WebhookSubscriptionDeleted';
  readonly data: { readonly subscription_id: string; readonly deleted_at: string };
}

/** Every fact a webhook subscription's stream can hold. */
export type WebhookSubscriptionEvent =
  | WebhookSubscriptionCreated
  | WebhookSubscriptionUpdated
  | WebhookSecretRotated
  | WebhookSubscriptionDeleted;

/** Stream of one webhook subscription's events. */
export const webhookStream = (subscriptionId: string): string => `webhook-${subscriptionId}`;
