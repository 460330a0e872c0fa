import {
  KeyCreated,
  KeyEvent,
  KeyLimitThresholdReached,
  KeyOwnershipFacts,
  OrgKeyPolicyEvent,
} from '@keyledger/domain';
import {
  webhookCovers,
  WebhookFacts,
  WebhookSubscriptionEvent,
  webhookSubscriptionDecider,
  WebhookSubscriptionState,
} from '@keyledger/domain/webhooks';
import { RecordedEvent } from '@keyledger/event-store';
import {
  eventGuard,
  isKeyEvent,
  isLimitAlertEvent,
  isOrgKeyPolicyEvent,
} from '@keyledger/read-models';
import { WebhookPayload, webhookPayload } from './webhook-payload';

/** What intake needs to know about what it has seen so far. */
export interface IntakeView {
  subscription(id: string): WebhookSubscriptionState;
  keyOwner(keyId: string): KeyOwnershipFacts | null;
  /** Live subscriptions that may cover keys of this ownership; more is fine, fewer is not. */
  candidates(key: KeyOwnershipFacts): readonly WebhookFacts[];
}

/** One change intake makes to the worker's own state. */
export type IntakeChange =
  | {
      readonly kind: 'subscription';
      readonly subscription_id: string;
      readonly state: WebhookSubscriptionState;
    }
  | { readonly kind: 'key_owner'; readonly key_id: string; readonly owner: KeyOwnershipFacts }
  | {
      readonly kind: 'enqueue';
      readonly subscription_id: string;
      readonly payload: WebhookPayload;
    };

const isSubscriptionEvent = eventGuard<WebhookSubscriptionEvent>({
  WebhookSubscriptionCreated: true,
  WebhookSubscriptionUpdated: true,
  WebhookSecretRotated: true,
  WebhookSubscriptionDeleted: true,
});

/**
 * What one event of the global order changes: subscription events fold into the subscription,
 * key creations record whose key it is, and key events become deliveries to every subscription
 * live at that point of the order that covers them. Any other event changes nothing.
 */
export function intake(event: RecordedEvent, view: IntakeView): readonly IntakeChange[] {
  if (isSubscriptionEvent(event)) {
    const subscription_id = event.data.subscription_id;
    const state = webhookSubscriptionDecider.evolve(view.subscription(subscription_id), event);
    return [{ kind: 'subscription', subscription_id, state }];
  }
  // An org's policy concerns the org's keys as a whole: its org subscriptions hear of it.
  if (isOrgKeyPolicyEvent(event)) return deliveries(event, orgSubject(event.data.org_id), view);
  // A limit alert is about its key: the key's subscriptions hear of it.
  if (isLimitAlertEvent(event)) {
    const owner = view.keyOwner(event.data.key_id);
    return owner === null ? [] : deliveries(event, owner, view);
  }
  if (!isKeyEvent(event)) return [];
  const owner = event.type === 'KeyCreated' ? ownerOf(event) : view.keyOwner(event.data.key_id);
  // A key whose creation this worker never saw has no owner to route by: nobody can be told.
  if (owner === null) return [];
  const learned: IntakeChange[] =
    event.type === 'KeyCreated' ? [{ kind: 'key_owner', key_id: event.data.key_id, owner }] : [];
  return [...learned, ...deliveries(event, owner, view)];
}

function deliveries(
  event: RecordedEvent & (KeyEvent | KeyLimitThresholdReached | OrgKeyPolicyEvent),
  owner: KeyOwnershipFacts,
  view: IntakeView,
): IntakeChange[] {
  const payload = webhookPayload(event);
  return view
    .candidates(owner)
    .filter((subscription) => webhookCovers(subscription, owner, payload.type))
    .map((subscription) => ({ kind: 'enqueue', subscription_id: subscription.id, payload }));
}

/** What an org-wide event is routed by: org subscriptions of that org cover it, personal ones never. */
const orgSubject = (org_id: string): KeyOwnershipFacts => ({
  scope: 'org',
  owner_user_id: '',
  org_id,
});

const ownerOf = ({ data }: KeyCreated): KeyOwnershipFacts => ({
  scope: data.scope,
  owner_user_id: data.owner_user_id,
  org_id: data.org_id,
});
