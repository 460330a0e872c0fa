import { WebhookFacts } from '@keyledger/domain/webhooks';
import { Audience } from '../shared/audience';
import { CollectionSpec } from '../store/read-store.port';

/**
 * A webhook subscription as listed: its facts (never a signing secret: that is derived from the
 * id and `secret_version`), who may manage it, and a deleted flag, kept so a redelivered older
 * event never brings a deleted subscription back.
 */
export interface WebhookSubscriptionDocument extends WebhookFacts {
  /** Who manages it: the owner of a personal subscription, the administrators of an org's. */
  readonly audience: Audience;
  readonly deleted: boolean;
  readonly deleted_at: string | null;
}

/** The webhook subscriptions, listed per audience, newest first, deleted ones aside. */
export const WEBHOOK_SUBSCRIPTION_DOCUMENTS: CollectionSpec<WebhookSubscriptionDocument> = {
  name: 'webhook_subscriptions',
  indexes: [{ fields: ['audience', 'deleted', 'created_at'] }],
};
