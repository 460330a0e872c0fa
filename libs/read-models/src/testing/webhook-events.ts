import { WebhookSubscriptionCreated } from '@keyledger/domain/webhooks';

/** A WebhookSubscriptionCreated for `id`: personal to user_1 unless `data` says otherwise. */
export const webhookCreated = (
  id: string,
  data: Partial<WebhookSubscriptionCreated['data']> = {},
): WebhookSubscriptionCreated => ({
  type: 'WebhookSubscriptionCreated',
  data: {
    subscription_id: id,
    scope: 'personal',
    owner_user_id: 'user_1',
    org_id: null,
    url: `https://hooks.example.com/${id}`,
    event_types: ['key.created', 'key.revoked'],
    secret_version: 1,
    created_at: '2026-01-01T00:00:00.000Z',
    ...data,
  },
});
