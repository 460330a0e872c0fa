import { KeyEventType } from '../keys/key.events';
import { FieldErrors } from '../shared/validation';

/**
 * The public name of every key event a webhook can announce. A `Record` over KeyEventType makes a
 * new key event a compile error here until it is given its public name.
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
  KeyRevoked: 'key.revoked',
} as const satisfies Record<KeyEventType, string>;

/** A public webhook event name such as `key.revoked`. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[KeyEventType];

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
