import { createKey, failedFields } from '../routing-preferences/routing-world';
import { expectError } from '../support/http';
import { deliveryLog, startWebhookWorld, subscribe, until, WebhookWorld } from './webhook-world';

const BASE = '/api/v1/webhooks';

/** SSRF: no tenant may make the service POST into the operator's own network. */
describe('webhook targets: private and internal addresses are refused (no allowlist)', () => {
  let world: WebhookWorld;

  beforeAll(async () => {
    // The one world with nothing allowed: the receiver on 127.0.0.1 is exactly what is refused.
    world = await startWebhookWorld({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: '' } });
  });
  afterAll(() => world.close());

  it.each([
    ['https://10.0.0.5/'],
    ['https://172.16.3.4/hook'],
    ['https://192.168.0.10/'],
    ['https://169.254.169.254/latest/meta-data/'],
    ['https://100.64.0.1/'],
    ['https://0.0.0.0/'],
    ['https://[fd00::1]/'],
    ['https://[fe80::1]/'],
    ['https://[::ffff:10.0.0.5]/'],
    ['https://[::ffff:169.254.169.254]/'],
    ['http://127.0.0.1:8080/'],
    ['http://[::1]:8080/'],
  ])('refuses %s at create and update with 400 on url, writing nothing', async (url) => {
    const before = world.events();
    const created = await world.alice.send('POST', BASE, { url, event_types: ['key.created'] });
    expectError(created, 400, 'validation_failed');
    expect(failedFields(created)).toEqual(['url']);
    const { webhook } = await subscribe(world.alice, 'https://hooks.example.com/ok');
    const afterCreate = world.events();
    const updated = await world.alice.send('PATCH', `${BASE}/${webhook.id}`, { url });
    expectError(updated, 400, 'validation_failed');
    expect(failedFields(updated)).toEqual(['url']);
    expect(world.events()).toBe(afterCreate);
    expect(afterCreate).toBe(before + 1);
  });

  it('accepts public addresses and names', async () => {
    await subscribe(world.alice, 'https://8.8.8.8/hook');
    await subscribe(world.alice, 'https://[2001:4860:4860::8888]/hook');
  });

  it('refuses at delivery a name that resolves to a private address: failed once, with the reason, not retried', async () => {
    const port = new URL(world.receiver.url).port;
    // A name, so create accepts it; it resolves to loopback, which delivery must refuse.
    const { webhook } = await subscribe(world.alice, `http://localhost:${port}/hook`);
    await createKey(world.alice);
    await until(async () => (await deliveryLog(world.alice, webhook.id))[0]?.attempts > 0);
    const [delivery] = await deliveryLog(world.alice, webhook.id);
    expect(delivery).toMatchObject({ status: 'dead', attempts: 1, next_attempt_at: null });
    expect(delivery.attempt_log).toEqual([
      expect.objectContaining({
        attempt: 1,
        status_code: null,
        outcome: 'dead',
        error: expect.stringMatching(
          /^RefusedTarget: localhost resolves to (127\.0\.0\.1|::1), a loopback address/,
        ),
      }),
    ]);
    expect(world.receiver.received).toHaveLength(0);
  });
});
