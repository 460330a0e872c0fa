import { failedFields } from '../testing';
import { checkWebhookEventTypes, webhookEventTypeOf } from './webhook-event-types';

describe('webhookEventTypeOf', () => {
  it('names key events publicly and announces nothing else', () => {
    expect(webhookEventTypeOf('KeyRevoked')).toBe('key.revoked');
    expect(webhookEventTypeOf('KeySecretRotated')).toBe('key.rotated');
    expect(webhookEventTypeOf('RoutingPreferenceCreated')).toBeNull();
    expect(webhookEventTypeOf('toString')).toBeNull();
  });
});

describe('checkWebhookEventTypes', () => {
  const refused = (value: unknown) =>
    failedFields((errors) => checkWebhookEventTypes(errors, value));

  it('accepts distinct public names', () => {
    expect(refused(['key.created', 'key.revoked'])).toEqual([]);
  });

  it.each([[[]], ['key.created'], [['key.created', 'key.nope']], [['key.enabled', 'key.enabled']]])(
    'refuses %j',
    (value) => {
      expect(refused(value)).toEqual(['event_types']);
    },
  );
});
