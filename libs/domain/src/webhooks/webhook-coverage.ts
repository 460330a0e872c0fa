import { KeyOwnershipFacts } from '../policies/key-access';
import { WebhookFacts } from './webhook.state';
import { WebhookEventType } from './webhook-event-types';

/** What deciding whether a subscription hears about a key needs. */
export type WebhookAudience = Pick<
  WebhookFacts,
  'scope' | 'owner_user_id' | 'org_id' | 'event_types' | 'enabled'
>;

/**
 * Whether a subscription announces this event about this key: an org subscription hears about
 * the org's keys, a personal one about its owner's personal keys (org membership lives with the
 * identity provider, so a personal subscription cannot follow the orgs its owner belongs to).
 * A paused subscription announces nothing.
 */
export function webhookCovers(
  subscription: WebhookAudience,
  key: KeyOwnershipFacts,
  type: WebhookEventType,
): boolean {
  // `=== false`: states folded before `enabled` existed lack it, and they were never paused.
  if (subscription.enabled === false || !subscription.event_types.includes(type)) return false;
  return subscription.scope === 'org'
    ? key.scope === 'org' && key.org_id === subscription.org_id
    : key.scope === 'personal' && key.owner_user_id === subscription.owner_user_id;
}
