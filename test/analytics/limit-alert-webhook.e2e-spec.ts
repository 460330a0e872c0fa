import { spend } from '../resolution/resolution-support';
import { createKey } from '../routing-preferences/routing-world';
import { startWebhookWorld, subscribe, WebhookWorld } from '../webhooks/webhook-world';

jest.setTimeout(30_000);

/** An org's default alert thresholds, and the alert announced as a signed webhook. */
describe('limit alert webhooks', () => {
  let world: WebhookWorld;

  beforeAll(async () => {
    world = await startWebhookWorld({ env: { USAGE_FLUSH_INTERVAL_MS: '20' } });
  });
  afterAll(() => world.close());

  it('gives new org keys the policy default, and announces key.limit_threshold_reached once', async () => {
    const policy = await world.alice.send<{ data: { default_alert_thresholds: number[] } }>(
      'PUT',
      '/api/v1/orgs/org_a/key-policy',
      { default_alert_thresholds: [50], reason: 'finance wants a warning' },
    );
    expect(policy.status).toBe(200);
    expect(policy.body.data.default_alert_thresholds).toEqual([50]);
    await subscribe(world.alice, world.receiver.url, {
      scope: 'org',
      event_types: ['key.limit_threshold_reached'],
    });
    const key = await createKey(world.alice, { scope: 'org', limit: 2, limit_reset: 'monthly' });
    expect(key.alert_thresholds).toEqual([50]);
    expect(await spend(world.app.baseUrl, key.secret, 1.5)).toBe(true);

    await world.receiver.receivedAtLeast(1);
    const [alert, ...more] = world.received();
    expect(more).toEqual([]);
    expect(alert.type).toBe('key.limit_threshold_reached');
    expect(JSON.parse(alert.body).data).toMatchObject({
      key_id: key.id,
      threshold: 50,
      limit: 2,
      usage: 1.5,
    });
  });

  it('refuses a bad default, naming the field', async () => {
    const refused = await world.alice.send<{ error: { fields: { field: string }[] } }>(
      'PUT',
      '/api/v1/orgs/org_a/key-policy',
      { default_alert_thresholds: [0, 120], reason: 'typo' },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.map((f) => f.field)).toEqual(['default_alert_thresholds']);
  });
});
