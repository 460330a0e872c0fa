import { hashOf, keyCreated, ResolutionHarness, secretOf } from './testing';

const T = '2026-03-10T12:00:00.000Z';
const atMs = Date.parse(T);

const usageRecorded = (instance: string, overrides: Record<string, unknown> = {}) => ({
  type: 'KeyUsageRecorded',
  data: {
    key_id: 'k1',
    instance_id: instance,
    from: T,
    to: '2026-03-10T12:00:00.500Z',
    requests: 2,
    cost: 0.25,
    byok_cost: 0.5,
    by_model: {},
    limit_reset_position: null,
    ...overrides,
  },
});

describe('ResolutionModel', () => {
  it('finds a key by its hash and by its id', () => {
    const harness = new ResolutionHarness();
    harness.createKey(1);
    expect(harness.model.keyByHash(hashOf(1), atMs)?.id).toBe('k1');
    expect(harness.model.keyById('k1')?.hash).toBe(hashOf(1));
    expect(harness.model.keyByHash(hashOf(2), atMs)).toBeUndefined();
  });

  it('advances its position with events delivered in order only', () => {
    const harness = new ResolutionHarness();
    harness.createKey(1);
    const disabled = harness.log.record('key-k1', {
      type: 'KeyDisabled',
      data: { key_id: 'k1', reason: null, disabled_at: T },
    });
    harness.model.apply(disabled, false);
    expect(harness.model.position).toBe(1);
    expect(harness.model.keyById('k1')?.disabled).toBe(true);
  });

  it('skips a key event it has folded already, whichever way it came', () => {
    const harness = new ResolutionHarness();
    harness.createKey(1);
    const disabled = harness.changeKey(1, {
      type: 'KeyDisabled',
      data: { reason: null, disabled_at: T },
    });
    harness.changeKey(1, { type: 'KeyEnabled', data: { enabled_at: T } });
    harness.model.apply(disabled);
    harness.model.apply(harness.log.record('key-k1', keyCreated(1, { plan_tier: 'free' })));
    expect(harness.model.keyById('k1')).toMatchObject({ disabled: false, plan_tier: 'max' });
  });

  it('moves a rotated key to its new hash', () => {
    const harness = new ResolutionHarness();
    harness.createKey(1);
    harness.changeKey(1, {
      type: 'KeySecretRotated',
      data: {
        hash: hashOf(2),
        label: 'x',
        previous_hash: hashOf(1),
        previous_valid_until: null,
        rotated_at: T,
      },
    });
    expect(harness.model.keyByHash(hashOf(2), atMs)?.id).toBe('k1');
    expect(harness.model.keyByHash(hashOf(1), atMs)).toBeUndefined();
  });

  it('counts usage events of other instances and skips its own', () => {
    const harness = new ResolutionHarness();
    harness.createKey(1);
    harness.apply('key_usage-k1', usageRecorded('instance-b'));
    harness.apply('key_usage-k1', usageRecorded(harness.instanceId));
    expect(harness.resolver.usage('k1', new Date(T))).toMatchObject({
      usage: 0.25,
      byok_usage: 0.5,
      requests: 2,
      last_used_at: '2026-03-10T12:00:00.500Z',
    });
    expect(harness.model.requests.made('u1', 'minute', atMs)).toBe(2);
  });

  it('does not limit a key by usage counted before its latest manual reset', () => {
    const harness = new ResolutionHarness();
    harness.createKey(1, { limit: 1, limit_reset: 'daily' });
    const reset = harness.changeKey(1, {
      type: 'KeyLimitReset',
      data: { reason: 'r', reset_at: T },
    });
    harness.apply('key_usage-k1', usageRecorded('instance-b', { cost: 1 }));
    expect(harness.resolve({ secret: secretOf(1) }, new Date(T)).ok).toBe(true);
    harness.apply(
      'key_usage-k1',
      usageRecorded('instance-b', { cost: 1, limit_reset_position: reset.position }),
    );
    expect(harness.resolve({ secret: secretOf(1) }, new Date(T))).toMatchObject({
      code: 'limit_exceeded',
    });
    expect(harness.resolver.usage('k1', new Date(T))?.usage).toBe(2);
  });

  it('ignores usage of a key it does not know and events of other kinds', () => {
    const harness = new ResolutionHarness();
    harness.apply('key_usage-k9', {
      ...usageRecorded('instance-b'),
      data: { ...usageRecorded('instance-b').data, key_id: 'k9' },
    });
    harness.apply('webhook-w1', { type: 'WebhookSubscriptionCreated', data: {} });
    expect(harness.model.size).toBe(0);
    expect(harness.model.position).toBe(2);
  });
});
