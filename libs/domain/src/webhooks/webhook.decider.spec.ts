import { given } from '../testing';
import { CreateWebhookSubscription, WebhookSubscriptionCommand } from './webhook.commands';
import { webhookSubscriptionDecider } from './webhook.decider';
import { WebhookSubscriptionCreated, WebhookSubscriptionEvent } from './webhook.events';

const t0 = '2026-11-23T10:00:00.000Z';
const now = '2026-11-24T08:00:00.000Z';

const create = (overrides: Partial<CreateWebhookSubscription> = {}): CreateWebhookSubscription => ({
  type: 'CreateWebhookSubscription',
  subscription_id: 'w1',
  active_org_id: 'org_1',
  owner_user_id: 'u1',
  url: 'https://hooks.example.com/keys',
  event_types: ['key.revoked', 'key.disabled'],
  now: t0,
  ...overrides,
});
const created = (
  overrides: Partial<WebhookSubscriptionCreated['data']> = {},
): WebhookSubscriptionCreated => ({
  type: 'WebhookSubscriptionCreated',
  data: {
    subscription_id: 'w1',
    owner_user_id: 'u1',
    scope: 'personal',
    org_id: null,
    url: 'https://hooks.example.com/keys',
    event_types: ['key.revoked', 'key.disabled'],
    secret_version: 1,
    created_at: t0,
    ...overrides,
  },
});
const rotated: WebhookSubscriptionEvent = {
  type: 'WebhookSecretRotated',
  data: { subscription_id: 'w1', secret_version: 2, rotated_at: t0 },
};
const deleted: WebhookSubscriptionEvent = {
  type: 'WebhookSubscriptionDeleted',
  data: { subscription_id: 'w1', deleted_at: t0 },
};
const none = () => given(webhookSubscriptionDecider, []);
const subscription = (...events: WebhookSubscriptionEvent[]) =>
  given(webhookSubscriptionDecider, [created(), ...events]);

describe('CreateWebhookSubscription', () => {
  it('subscribes a personal endpoint at secret version 1, never attaching the active org', () => {
    none().when(create()).then([created()]);
  });

  it('subscribes an org endpoint in the named org, or else the active org, as keys do', () => {
    none()
      .when(create({ org_id: 'org_2' }))
      .then([created({ scope: 'org', org_id: 'org_2' })]);
    none()
      .when(create({ scope: 'org' }))
      .then([created({ scope: 'org', org_id: 'org_1' })]);
  });

  it.each<[string, Partial<CreateWebhookSubscription>]>([
    ['url', { url: 'http://hooks.example.com/keys' }],
    ['event_types', { event_types: [] }],
    ['event_types', { event_types: ['KeyRevoked'] }],
    ['event_types', { event_types: ['key.revoked', 'key.revoked'] }],
    ['org_id', { scope: 'org', active_org_id: null }],
    ['org_id', { scope: 'personal', org_id: 'org_1' }],
  ])('refuses a bad %s', (field, overrides) => {
    none().when(create(overrides)).thenFails('validation_failed', field);
  });

  it('refuses an id that is taken, even by a deleted subscription', () => {
    subscription().when(create()).thenFails('already_exists');
    subscription(deleted).when(create()).thenFails('already_exists');
  });
});

describe('UpdateWebhookSubscription', () => {
  it('records only what changed', () => {
    subscription()
      .when({
        type: 'UpdateWebhookSubscription',
        url: 'https://hooks.example.com/keys',
        event_types: ['key.created'],
        now,
      })
      .then([
        {
          type: 'WebhookSubscriptionUpdated',
          data: { subscription_id: 'w1', event_types: ['key.created'], updated_at: now },
        },
      ]);
  });

  it('is a no-op when nothing changes', () => {
    subscription()
      .when({
        type: 'UpdateWebhookSubscription',
        event_types: ['key.revoked', 'key.disabled'],
        now,
      })
      .then([]);
  });

  it('pauses and resumes, recording only a real change', () => {
    const paused: WebhookSubscriptionEvent = {
      type: 'WebhookSubscriptionUpdated',
      data: { subscription_id: 'w1', enabled: false, updated_at: now },
    };
    subscription().when({ type: 'UpdateWebhookSubscription', enabled: false, now }).then([paused]);
    subscription(paused).when({ type: 'UpdateWebhookSubscription', enabled: false, now }).then([]);
    subscription(paused)
      .when({ type: 'UpdateWebhookSubscription', enabled: true, now })
      .then([
        {
          type: 'WebhookSubscriptionUpdated',
          data: { subscription_id: 'w1', enabled: true, updated_at: now },
        },
      ]);
    expect(subscription(paused).state).toMatchObject({ subscription: { enabled: false } });
    expect(subscription().state).toMatchObject({ subscription: { enabled: true } });
  });

  it('refuses an enabled flag that is not a boolean', () => {
    subscription()
      .when({ type: 'UpdateWebhookSubscription', enabled: 'no' as unknown as boolean, now })
      .thenFails('validation_failed', 'enabled');
  });

  it('refuses a bad url', () => {
    subscription()
      .when({ type: 'UpdateWebhookSubscription', url: 'ftp://x.example.com', now })
      .thenFails('validation_failed', 'url');
  });

  it('folds the changes into the state', () => {
    const state = subscription({
      type: 'WebhookSubscriptionUpdated',
      data: { subscription_id: 'w1', url: 'https://other.example.com/', updated_at: now },
    }).state;
    expect(state).toMatchObject({
      status: 'live',
      subscription: {
        url: 'https://other.example.com/',
        event_types: ['key.revoked', 'key.disabled'],
        updated_at: now,
      },
    });
  });
});

describe('RotateWebhookSecret', () => {
  it('bumps the secret version, which the signing secret is derived from', () => {
    subscription(rotated)
      .when({ type: 'RotateWebhookSecret', now })
      .then([
        {
          type: 'WebhookSecretRotated',
          data: { subscription_id: 'w1', secret_version: 3, rotated_at: now },
        },
      ]);
  });
});

describe('DeleteWebhookSubscription', () => {
  it('ends the subscription', () => {
    subscription()
      .when({ type: 'DeleteWebhookSubscription', now })
      .then([
        { type: 'WebhookSubscriptionDeleted', data: { subscription_id: 'w1', deleted_at: now } },
      ]);
  });

  const changes: readonly WebhookSubscriptionCommand[] = [
    { type: 'UpdateWebhookSubscription', url: 'https://x.example.com', now },
    { type: 'RotateWebhookSecret', now },
    { type: 'DeleteWebhookSubscription', now },
  ];
  it.each(changes)(
    'answers $type on a missing or deleted subscription with not_found',
    (command) => {
      none().when(command).thenFails('not_found');
      subscription(deleted).when(command).thenFails('not_found');
    },
  );
});
