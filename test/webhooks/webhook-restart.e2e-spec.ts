import { createKey } from '../routing-preferences/routing-world';
import { filesContaining } from '../support/scan-files';
import {
  deliveryLog,
  settle,
  startWebhookWorld,
  subscribe,
  TEST_WEBHOOK_KEY,
  until,
  WebhookWorld,
} from './webhook-world';

/** Every event id the receiver got, with how many times. */
const countsById = (world: WebhookWorld): Record<string, number> =>
  world.received().reduce<Record<string, number>>((counts, { eventId }) => {
    counts[eventId] = (counts[eventId] ?? 0) + 1;
    return counts;
  }, {});

/** Restarts and real retries take real seconds; the machine may be busy. */
jest.setTimeout(30_000);

describe('webhook delivery across restarts, and no secret at rest', () => {
  let world: WebhookWorld;
  /** Every signing secret a response showed. */
  const secrets: string[] = [];

  beforeAll(async () => {
    world = await startWebhookWorld({
      env: { WEBHOOK_RETRY_BASE_MS: '1500', WEBHOOK_RETRY_MAX_MS: '1500' },
    });
  });
  afterAll(() => world.close());

  /**
   * Restarts once every success is recorded: a success is final, and the worker's checkpoint
   * keeps events it already took in from being owed again. (An attempt still in flight when the
   * app stops is abandoned and sent again after the restart: delivery is at least once.)
   */
  it('delivers each event once to a subscription, whatever the restarts', async () => {
    const { webhook, secret } = await subscribe(world.alice, world.receiver.url, {
      event_types: ['*'],
    });
    secrets.push(secret);
    const delivered = (count: number) =>
      until(async () => {
        const log = await deliveryLog(world.alice, webhook.id);
        return log.filter((line) => line.status === 'delivered').length === count;
      });
    await createKey(world.alice);
    await delivered(1);

    world = await world.restart();
    const key = await createKey(world.alice);
    await world.alice.send('PATCH', `/api/v1/keys/${key.id}`, { disabled: true });
    await delivered(3);
    world = await world.restart();
    await settle();

    const counts = countsById(world);
    expect(Object.keys(counts)).toHaveLength(3);
    expect(Object.values(counts)).toEqual([1, 1, 1]);
  });

  it('keeps a retry owed across a restart, and sends it after', async () => {
    const { webhook, secret } = await subscribe(world.bob, world.receiver.url);
    secrets.push(secret);
    const before = world.received().length;
    world.receiver.answer(500);
    await createKey(world.bob);
    await until(async () => (await deliveryLog(world.bob, webhook.id))[0]?.attempts === 1);

    const stopped = Date.now();
    world = await world.restart();
    await world.receiver.receivedAtLeast(before + 2);
    const [first, second] = world.received().slice(before);
    expect([first.attempt, second.attempt]).toEqual([1, 2]);
    expect(second.eventId).toBe(first.eventId);
    await until(async () => (await deliveryLog(world.bob, webhook.id))[0]?.status === 'delivered');
    // The retry was the restarted worker's: the first one's was still waiting when it stopped.
    const [{ attempt_log }] = await deliveryLog(world.bob, webhook.id);
    expect(Date.parse(attempt_log[1].attempted_at)).toBeGreaterThan(stopped);
  });

  it('loses nothing while WEBHOOKS=off: the worker catches up from the stream', async () => {
    world = await world.restart({ WEBHOOKS: 'off' });
    const { webhook, secret } = await subscribe(world.carol, world.receiver.url);
    secrets.push(secret);
    const before = world.received().length;
    const key = await createKey(world.carol);
    await settle();
    expect(world.received()).toHaveLength(before);
    expect(await deliveryLog(world.carol, webhook.id)).toEqual([]);

    world = await world.restart({ WEBHOOKS: 'on' });
    await world.receiver.receivedAtLeast(before + 1);
    expect(
      world
        .received()
        .slice(before)
        .map((r) => [r.type, r.keyId]),
    ).toEqual([['key.created', key.id]]);
  });

  it('stores no signing secret and no server key anywhere in the data directory', async () => {
    const { webhook, secret } = await subscribe(world.alice, world.receiver.url);
    const rotated = await world.alice.send<{ secret: string }>(
      'POST',
      `/api/v1/webhooks/${webhook.id}/rotate-secret`,
    );
    secrets.push(secret, rotated.body.secret);
    await createKey(world.alice);
    await until(async () => (await deliveryLog(world.alice, webhook.id)).length === 1);
    expect(secrets).toHaveLength(5);
    expect(filesContaining(world.app.dataDir, [...secrets, TEST_WEBHOOK_KEY])).toEqual([]);
  });
});
