import { KeyOwnership } from '../keys/key.events';

/** Subscribe an endpoint; ownership follows the same rules as a new key's. */
export interface CreateWebhookSubscription {
  readonly type: 'CreateWebhookSubscription';
  readonly subscription_id: string;
  /** Omitted: `org` when `org_id` is given, else `personal`. */
  readonly scope?: KeyOwnership;
  readonly org_id?: string | null;
  /** The caller's active org, used when an org subscription names no org. */
  readonly active_org_id: string | null;
  readonly owner_user_id: string;
  readonly url: string;
  readonly event_types: readonly string[];
  readonly now: string;
}

/** Fields left out keep their current value. */
export interface UpdateWebhookSubscription {
  readonly type: 'UpdateWebhookSubscription';
  readonly url?: string;
  readonly event_types?: readonly string[];
  /** false pauses deliveries: events meanwhile are not announced, even after re-enabling. */
  readonly enabled?: boolean;
  readonly now: string;
}

/** Replace the signing secret; the handler shows the new one once. */
export interface RotateWebhookSecret {
  readonly type: 'RotateWebhookSecret';
  readonly now: string;
}

/** Stop delivering for good. */
export interface DeleteWebhookSubscription {
  readonly type: 'DeleteWebhookSubscription';
  readonly now: string;
}

/** Every command the webhook subscription aggregate decides. */
export type WebhookSubscriptionCommand =
  | CreateWebhookSubscription
  | UpdateWebhookSubscription
  | RotateWebhookSecret
  | DeleteWebhookSubscription;
