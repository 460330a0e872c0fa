import { KeyEventType, KeyLimitThresholdReached, OrgKeyPolicyEvent } from '@keyledger/domain';

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
  KeyIpAllowlistSet: 'IP allowlist changed',
  KeyRateLimitsSet: 'Rate limits changed',
  KeyAlertThresholdsSet: 'Limit alert thresholds changed',
  KeyMetadataSet: 'Metadata changed',
  KeyExternalIdSet: 'External id changed',
  KeyImported: 'Key imported',
  KeyLeakReported: 'Leak reported',
  KeyRevoked: 'Key revoked',
};

/** Labels of the other events the audit log shows beside key events: org policies, limit alerts. */
const ORG_EVENT_LABELS: {
  readonly [T in OrgKeyPolicyEvent['type'] | KeyLimitThresholdReached['type']]: string;
} = {
  OrgKeyPolicySet: 'Key policy set',
  KeyLimitThresholdReached: 'Limit alert threshold reached',
};

/** Every key event type, in lifecycle order. */
export const KEY_EVENT_TYPES = Object.keys(KEY_EVENT_LABELS) as readonly KeyEventType[];

/** What the audit log's `event_type` filter accepts: the key events and the org-wide ones. */
export const AUDIT_EVENT_TYPES: readonly string[] = [
  ...KEY_EVENT_TYPES,
  ...Object.keys(ORG_EVENT_LABELS),
];

const LABELS: Readonly<Record<string, string>> = { ...KEY_EVENT_LABELS, ...ORG_EVENT_LABELS };

/** The label of an event type; a type this version does not know reads as its own name. */
export const eventLabel = (type: string): string =>
  Object.hasOwn(LABELS, type) ? LABELS[type] : type;
