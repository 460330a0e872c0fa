import { WebhookSubscriptionEvent } from '@keyledger/domain/webhooks';
import { history, project } from '../testing/history';
import { webhookCreated } from '../testing/webhook-events';
import { WebhookSubscriptionDocument } from './webhook-subscription.document';
import { webhookSubscriptionProjection } from './webhook-subscription.projection';

/** The document of subscription w1 after the events, all on its stream. */
const after = (...events: readonly WebhookSubscriptionEvent[]) =>
  project(
    webhookSubscriptionProjection,
    history(...events.map((event) => ['webhook-w1', event] as const)),
  ).get('w1');

const created: WebhookSubscriptionDocument = {
  id: 'w1',
  scope: 'personal',
  owner_user_id: 'user_1',
  org_id: null,
  url: 'https://hooks.example.com/w1',
  event_types: ['key.created', 'key.revoked'],
  secret_version: 1,
  enabled: true,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  audience: 'user:user_1',
  deleted: false,
  deleted_at: null,
};

describe('webhook subscription projection', () => {
  it('lists a personal subscription under its owner, an org one under its org', () => {
    expect(after(webhookCreated('w1'))).toEqual(created);
    expect(after(webhookCreated('w1', { scope: 'org', org_id: 'org_1' }))).toMatchObject({
      audience: 'org:org_1',
    });
  });

  it('follows updates and secret rotations as the decider folds them', () => {
    const updated = after(
      webhookCreated('w1'),
      {
        type: 'WebhookSubscriptionUpdated',
        data: { subscription_id: 'w1', enabled: false, updated_at: '2026-01-02T00:00:00.000Z' },
      },
      {
        type: 'WebhookSecretRotated',
        data: { subscription_id: 'w1', secret_version: 2, rotated_at: '2026-01-03T00:00:00.000Z' },
      },
    );
    expect(updated).toEqual({
      ...created,
      enabled: false,
      secret_version: 2,
      updated_at: '2026-01-03T00:00:00.000Z',
    });
  });

  it('keeps a deleted subscription, flagged, and changes it no more', () => {
    const deletedAt = '2026-01-02T00:00:00.000Z';
    const deleted = after(
      webhookCreated('w1'),
      {
        type: 'WebhookSubscriptionDeleted',
        data: { subscription_id: 'w1', deleted_at: deletedAt },
      },
      webhookCreated('w1', { url: 'https://elsewhere.example.com' }),
    );
    expect(deleted).toEqual({
      ...created,
      deleted: true,
      deleted_at: deletedAt,
      updated_at: deletedAt,
    });
  });

  it('ignores events of other streams and types it does not know', () => {
    expect(
      webhookSubscriptionProjection.documentIds(
        history([
          'webhook-w1',
          { type: 'WebhookSomethingNew', data: { subscription_id: 'w1' } },
        ])[0],
      ),
    ).toEqual([]);
  });
});
