import { KeyOwnershipFacts } from '@keyledger/domain';
import { WebhookFacts, WebhookSubscriptionState } from '@keyledger/domain/webhooks';
import { recordedEvent } from '@keyledger/event-store/testing';
import { keyCreated } from '@keyledger/read-models/testing/key-events';
import { intake, IntakeView } from './webhook-intake';

const t = '2026-06-01T12:00:00.000Z';
const hook: WebhookFacts = {
  id: 'w1',
  scope: 'personal',
  owner_user_id: 'user_1',
  org_id: null,
  url: 'https://hooks.example.com/',
  event_types: ['key.created', 'key.revoked'],
  secret_version: 1,
  enabled: true,
  created_at: t,
  updated_at: t,
};
const alicesKey: KeyOwnershipFacts = { scope: 'personal', owner_user_id: 'user_1', org_id: null };

/** A view over fixed facts; `candidates` returns every live subscription, as a view may. */
const view = (
  subscriptions: readonly WebhookFacts[],
  owners: Readonly<Record<string, KeyOwnershipFacts>> = {},
): IntakeView => ({
  subscription: (id): WebhookSubscriptionState => {
    const found = subscriptions.find((s) => s.id === id);
    return found ? { status: 'live', subscription: found } : { status: 'absent' };
  },
  keyOwner: (keyId) => owners[keyId] ?? null,
  candidates: () => subscriptions,
});

const stored = (type: string, data: Record<string, unknown>) =>
  recordedEvent({ id: 'e1', stream: `key-${String(data.key_id)}`, type, data });

describe('intake', () => {
  it('learns the owner of a created key and enqueues it for the subscriptions covering it', () => {
    const { type, data } = keyCreated('k1');
    const changes = intake(stored(type, { ...data }), view([hook]));
    expect(changes.map((c) => c.kind)).toEqual(['key_owner', 'enqueue']);
    expect(changes[0]).toEqual({ kind: 'key_owner', key_id: 'k1', owner: alicesKey });
    expect(changes[1]).toMatchObject({
      subscription_id: 'w1',
      payload: { id: 'e1', type: 'key.created' },
    });
  });

  it('routes later key events by the owner learned at creation', () => {
    const revoked = stored('KeyRevoked', { key_id: 'k1', reason: null, revoked_at: t });
    expect(intake(revoked, view([hook], { k1: alicesKey }))).toMatchObject([
      { kind: 'enqueue', subscription_id: 'w1' },
    ]);
    expect(intake(revoked, view([hook]))).toEqual([]);
  });

  it('leaves out candidates that do not cover the key or the type', () => {
    const disabled = stored('KeyDisabled', { key_id: 'k1', reason: null, disabled_at: t });
    const orgHook = {
      ...hook,
      id: 'w2',
      scope: 'org' as const,
      org_id: 'org_1',
      event_types: ['key.disabled' as const],
    };
    expect(intake(disabled, view([hook, orgHook], { k1: alicesKey }))).toEqual([]);
  });

  it('folds subscription events into the subscription they name', () => {
    const deleted = recordedEvent({
      stream: 'webhook-w1',
      type: 'WebhookSubscriptionDeleted',
      data: { subscription_id: 'w1', deleted_at: t },
    });
    expect(intake(deleted, view([hook]))).toEqual([
      { kind: 'subscription', subscription_id: 'w1', state: { status: 'deleted' } },
    ]);
  });

  it('changes nothing for events it does not know', () => {
    expect(intake(recordedEvent({ type: 'RoutingPreferenceCreated' }), view([hook]))).toEqual([]);
  });
});
