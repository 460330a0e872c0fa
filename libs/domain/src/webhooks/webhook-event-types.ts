import { KeyEventType } from '../keys/key.events';
import { KeyLimitThresholdReached } from '../alerts/limit-alert.events';
import { OrgKeyPolicyEvent } from '../org-key-policy/org-key-policy.events';
import { FieldErrors } from '../shared/validation';

/** The stored types a webhook can announce: every key event, and an org's key policy change. */
export type AnnouncedEventType =
  KeyEventType | KeyLimitThresholdReached['type'] | OrgKeyPolicyEvent['type'];

/**
 * The public name of every event a webhook can announce. A `Record` over the announced types makes
 * a new key event a compile error here until it is given its public name.
 */
export const WEBHOOK_EVENT_TYPES = {
  KeyCreated: 'key.created',
  KeyRenamed: 'key.renamed',
  KeyDisabled: 'key.disabled',
  KeyEnabled: 'key.enabled',
  KeyLimitSet: 'key.limit_set',
  KeyLimitReset: 'key.limit_reset',
  KeyExpirySet: 'key.expiry_set',
  PreferenceBound: 'key.preference_bound',
  PreferenceUnbound: 'key.preference_unbound',
  KeyRoutingRulesSet: 'key.routing_rules_set',
  KeyRoutingRulesCleared: 'key.routing_rules_cleared',
  KeySecretRotated: 'key.rotated',
  KeyIpAllowlistSet: 'key.ip_allowlist_set',
  KeyRateLimitsSet: 'key.rate_limits_set',
  KeyAlertThresholdsSet: 'key.alert_thresholds_set',
  KeyMetadataSet: 'key.metadata_set',
  KeyExternalIdSet: 'key.external_id_set',
  KeyImported: 'key.imported',
  KeyLeakReported: 'key.leak_reported',
  KeyRevoked: 'key.revoked',
  KeyLimitThresholdReached: 'key.limit_threshold_reached',
  OrgKeyPolicySet: 'org.key_policy_updated',
} as const satisfies Record<AnnouncedEventType, string>;

/** A public webhook event name such as `key.revoked`. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[AnnouncedEventType];

const PUBLIC_NAMES: ReadonlyMap<string, WebhookEventType> = new Map(
  Object.entries(WEBHOOK_EVENT_TYPES),
);
const KNOWN: ReadonlySet<string> = new Set(PUBLIC_NAMES.values());

/** The public name of a stored event's type, or null when webhooks do not announce it. */
export const webhookEventTypeOf = (storedType: string): WebhookEventType | null =>
  PUBLIC_NAMES.get(storedType) ?? null;

/** Whether a value is a public webhook event name. */
export const isWebhookEventType = (value: unknown): value is WebhookEventType =>
  typeof value === 'string' && KNOWN.has(value);

/** The event types; records an error on `event_types` unless a non-empty list of known, distinct names. */
export function checkWebhookEventTypes(
  errors: FieldErrors,
  value: unknown,
): readonly WebhookEventType[] {
  if (!Array.isArray(value) || value.length === 0) {
    errors.add('event_types', 'must name at least one event type');
    return [];
  }
  const unknown = value.filter((type) => !isWebhookEventType(type));
  if (unknown.length > 0) {
    errors.add(
      'event_types',
      `unknown event type(s) ${unknown.map((t) => JSON.stringify(t)).join(', ')}; known: ${[...KNOWN].join(', ')}`,
    );
  }
  if (new Set(value).size !== value.length) errors.add('event_types', 'must not repeat a type');
  return value.filter(isWebhookEventType);
}
