import { KeyEventType } from '@keyledger/domain';

/**
 * A short, readable name for each kind of key event, for history views and filters. Typed over
 * every key event type, so a new event cannot ship without its label.
 */
export const KEY_EVENT_LABELS: { readonly [T in KeyEventType]: string } = {
  KeyCreated: 'Key created',
  KeyRenamed: 'Key renamed',
  KeyDisabled: 'Key disabled',
  KeyEnabled: 'Key enabled',
  KeyLimitSet: 'Limit changed',
  KeyLimitReset: 'Limit window reset',
  KeyExpirySet: 'Expiry changed',
  PreferenceBound: 'Routing preference bound',
  PreferenceUnbound: 'Routing preference unbound',
  KeyRoutingRulesSet: 'Key routing rules set',
  KeyRoutingRulesCleared: 'Key routing rules cleared',
  KeySecretRotated: 'Secret rotated',
  KeyRevoked: 'Key revoked',
};

/** Every key event type, in lifecycle order: what the audit log's `event_type` filter accepts. */
export const KEY_EVENT_TYPES = Object.keys(KEY_EVENT_LABELS) as readonly KeyEventType[];

const isKeyEventType = (type: string): type is KeyEventType =>
  Object.hasOwn(KEY_EVENT_LABELS, type);

/** The label of an event type; a type this version does not know reads as its own name. */
export const eventLabel = (type: string): string =>
  isKeyEventType(type) ? KEY_EVENT_LABELS[type] : type;
