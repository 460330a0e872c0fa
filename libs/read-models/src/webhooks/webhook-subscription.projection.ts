import {
  WebhookFacts,
  webhookStream,
  webhookSubscriptionDecider,
} from '@keyledger/domain/webhooks';
import { Projection } from '../projection/projection';
import { streamCategory } from '../projection/stream-category';
import { orgAudience, userAudience } from '../shared/audience';
import { isWebhookSubscriptionEvent } from './is-webhook-subscription-event';
import {
  WEBHOOK_SUBSCRIPTION_DOCUMENTS,
  WebhookSubscriptionDocument,
} from './webhook-subscription.document';

const live = (subscription: WebhookFacts): WebhookSubscriptionDocument => ({
  ...subscription,
  audience:
    subscription.org_id === null
      ? userAudience(subscription.owner_user_id)
      : orgAudience(subscription.org_id),
  deleted: false,
  deleted_at: null,
});

/**
 * The webhook list's documents, folded by the subscription decider's own `evolve` (one meaning of
 * each event, shared with the write side); a deletion keeps the facts, flagged.
 */
export const webhookSubscriptionProjection: Projection<WebhookSubscriptionDocument> = {
  name: 'webhook_subscriptions.v1',
  collection: WEBHOOK_SUBSCRIPTION_DOCUMENTS,
  streamPrefixes: [streamCategory(webhookStream)],
  documentIds: (event) => (isWebhookSubscriptionEvent(event) ? [event.data.subscription_id] : []),
  apply: (document, event) => {
    if (!isWebhookSubscriptionEvent(event) || document?.deleted) return document;
    if (event.type === 'WebhookSubscriptionDeleted') {
      const { deleted_at } = event.data;
      return document && { ...document, deleted: true, deleted_at, updated_at: deleted_at };
    }
    const before = document
      ? ({ status: 'live', subscription: factsOf(document) } as const)
      : webhookSubscriptionDecider.initialState;
    const after = webhookSubscriptionDecider.evolve(before, event);
    return after.status === 'live' ? live(after.subscription) : document;
  },
};

/** The decider's facts of a stored subscription. */
const factsOf = (document: WebhookSubscriptionDocument): WebhookFacts => ({
  id: document.id,
  scope: document.scope,
  owner_user_id: document.owner_user_id,
  org_id: document.org_id,
  url: document.url,
  event_types: document.event_types,
  secret_version: document.secret_version,
  enabled: document.enabled,
  created_at: document.created_at,
  updated_at: document.updated_at,
});
