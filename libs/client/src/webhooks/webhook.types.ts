import { FieldList } from '../core/field-list';
import { KeyOwnership } from '../keys/key.types';

/** A public event name a webhook announces (`key.revoked`, `org.key_policy_updated`). */
export type WebhookEventType =
  | 'key.created'
  | 'key.renamed'
  | 'key.disabled'
  | 'key.enabled'
  | 'key.limit_set'
  | 'key.limit_reset'
  | 'key.expiry_set'
  | 'key.preference_bound'
  | 'key.preference_unbound'
  | 'key.routing_rules_set'
  | 'key.routing_rules_cleared'
  | 'key.rotated'
  | 'key.ip_allowlist_set'
  | 'key.rate_limits_set'
  | 'key.alert_thresholds_set'
  | 'key.metadata_set'
  | 'key.external_id_set'
  | 'key.imported'
  | 'key.leak_reported'
  | 'key.revoked'
  | 'key.limit_threshold_reached'
  | 'org.key_policy_updated';

/** Every event type a subscription can name, in lifecycle order. */
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [
  'key.created',
  'key.renamed',
  'key.disabled',
  'key.enabled',
  'key.limit_set',
  'key.limit_reset',
  'key.expiry_set',
  'key.preference_bound',
  'key.preference_unbound',
  'key.routing_rules_set',
  'key.routing_rules_cleared',
  'key.rotated',
  'key.ip_allowlist_set',
  'key.rate_limits_set',
  'key.alert_thresholds_set',
  'key.metadata_set',
  'key.external_id_set',
  'key.imported',
  'key.leak_reported',
  'key.revoked',
  'key.limit_threshold_reached',
  'org.key_policy_updated',
];

/** A webhook subscription (SPEC §6); never its signing secret. */
export interface Webhook {
  readonly id: string;
  readonly url: string;
  readonly event_types: readonly WebhookEventType[];
  /** false: paused; events meanwhile are not delivered. */
  readonly enabled: boolean;
  readonly scope: KeyOwnership;
  readonly owner_user_id: string;
  readonly org_id: string | null;
  /** 1 at creation, one more at each rotation. */
  readonly secret_version: number;
  readonly created_at: string;
  readonly updated_at: string;
}

/** The fields of Webhook. */
export const WEBHOOK_FIELDS: FieldList<Webhook> = {
  id: 'required',
  url: 'required',
  event_types: 'required',
  enabled: 'required',
  scope: 'required',
  owner_user_id: 'required',
  org_id: 'required',
  secret_version: 'required',
  created_at: 'required',
  updated_at: 'required',
};

/** Body of `POST /api/v1/webhooks`: ownership follows a new key's rules. */
export interface CreateWebhookRequest {
  /** https, or http for localhost only. */
  readonly url: string;
  readonly event_types: readonly (WebhookEventType | '*')[];
  readonly scope?: KeyOwnership;
  readonly org_id?: string;
}

/** The fields of CreateWebhookRequest. */
export const CREATE_WEBHOOK_FIELDS: FieldList<CreateWebhookRequest> = {
  url: 'required',
  event_types: 'required',
  scope: 'optional',
  org_id: 'optional',
};

/** Body of `PATCH /api/v1/webhooks/{id}`: each field sent replaces the current one. */
export interface UpdateWebhookRequest {
  readonly url?: string;
  readonly event_types?: readonly (WebhookEventType | '*')[];
  /** false pauses deliveries; true resumes them. */
  readonly enabled?: boolean;
}

/** The fields of UpdateWebhookRequest. */
export const UPDATE_WEBHOOK_FIELDS: FieldList<UpdateWebhookRequest> = {
  url: 'optional',
  event_types: 'optional',
  enabled: 'optional',
};

/** Where a delivery stands. */
export type DeliveryStatus = 'pending' | 'delivered' | 'dead' | 'cancelled';

/** One attempt at a delivery. */
export interface DeliveryAttempt {
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly url: string;
  readonly attempted_at: string;
  /** The endpoint's HTTP status; null when it did not answer. */
  readonly status_code: number | null;
  readonly duration_ms: number;
  readonly error: string | null;
  /** The delivery's status right after this attempt. */
  readonly outcome: Exclude<DeliveryStatus, 'cancelled'>;
}

/** One event owed to a subscription, with every attempt so far. */
export interface Delivery {
  readonly event_id: string;
  readonly event_type: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** When the next attempt is due; null unless pending. */
  readonly next_attempt_at: string | null;
  /** Oldest first. */
  readonly attempt_log: readonly DeliveryAttempt[];
}

/** Query of `GET /api/v1/webhooks/{id}/deliveries`. */
export type ListDeliveriesQuery = {
  readonly cursor?: string;
  readonly limit?: number;
  readonly status?: DeliveryStatus;
};

/** The parameters of ListDeliveriesQuery. */
export const LIST_DELIVERIES_FIELDS: FieldList<ListDeliveriesQuery> = {
  cursor: 'optional',
  limit: 'optional',
  status: 'optional',
};

/** The fields of Delivery. */
export const DELIVERY_FIELDS: FieldList<Delivery> = {
  event_id: 'required',
  event_type: 'required',
  status: 'required',
  attempts: 'required',
  next_attempt_at: 'required',
  attempt_log: 'required',
};
