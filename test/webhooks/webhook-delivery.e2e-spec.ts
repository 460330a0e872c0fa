import { createHmac, timingSafeEqual } from 'node:crypto';
import { verifySignature } from '@keyledger/webhooks';
import { createKey } from '../routing-preferences/routing-world';
import {
  DeliveryLine,
  deliveryLog,
  Received,
  settle,
  startWebhookWorld,
  subscribe,
  until,
  WebhookWorld,
} from './webhook-world';

/** The README's verification, line for line: how a receiver checks `X-Keyledger-Signature`. */
function readmeVerify(secret: string, header: string, rawBody: string): boolean {
  const { t, v1 = '' } = Object.fromEntries(header.split(',').map((part) => part.split('=')));
  const mac = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  const fresh = Math.abs(Date.now() / 1000 - Number(t)) < 300;
  return fresh && v1.length === mac.length && timingSafeEqual(Buffer.from(v1), Buffer.from(mac));
}

const signedWith = (secret: string) => (r: Received) =>
  verifySignature(secret, r.signature, r.body, 300) && readmeVerify(secret, r.signature, r.body);

/** Real retries take real seconds; the machine may be busy. */
jest.setTimeout(30_000);

describe('webhook delivery from the event stream to a real receiver', () => {
  let world: WebhookWorld;

  beforeAll(async () => {
    world = await startWebhookWorld({
      env: {
        WEBHOOK_RETRY_BASE_MS: '1000',
        WEBHOOK_RETRY_MAX_MS: '1000',
        WEBHOOK_MAX_ATTEMPTS: '3',
      },
    });
  });
  afterAll(() => world.close());
  /** Each test counts from here: the receiver is shared. */
  let seen = 0;
  beforeEach(() => {
    seen = world.receiver.received.length;
  });
  const fresh = () => world.received().slice(seen);

  it('delivers signed key.created, key.disabled and key.revoked of the org keys, and only those', async () => {
    const { webhook, secret } = await subscribe(world.alice, world.receiver.url, { scope: 'org' });
    const key = await createKey(world.alice, { scope: 'org' });
    await world.alice.send('PATCH', `/api/v1/keys/${key.id}`, { name: 'renamed' });
    await world.alice.send('PATCH', `/api/v1/keys/${key.id}`, { disabled: true, reason: 'leak' });
    await world.alice.send('DELETE', `/api/v1/keys/${key.id}`);
    await createKey(world.alice); // personal: not the org's
    await createKey(world.bob, { scope: 'org' }); // another org
    await world.receiver.receivedAtLeast(seen + 3);
    await settle();

    const received = fresh();
    expect(received.map((r) => r.type).sort()).toEqual([
      'key.created',
      'key.disabled',
      'key.revoked',
    ]);
    expect(received.every((r) => r.keyId === key.id)).toBe(true);
    expect(received.every(signedWith(secret))).toBe(true);
    expect(received.some(signedWith(`${secret}0`))).toBe(false);
    for (const { body } of received) {
      expect(body).not.toContain(key.hash);
      expect(body).not.toContain(key.secret);
    }

    const log = await deliveryLog(world.alice, webhook.id);
    expect(log.map((line) => [line.event_type, line.status, line.attempts])).toEqual([
      ['key.revoked', 'delivered', 1],
      ['key.disabled', 'delivered', 1],
      ['key.created', 'delivered', 1],
    ]);
    expect(log[0].attempt_log).toEqual([
      expect.objectContaining({ attempt: 1, status_code: 200, outcome: 'delivered' }),
    ]);
  });

  it('delivers personal keys to their owner only', async () => {
    const { secret } = await subscribe(world.carol, world.receiver.url, {
      event_types: ['key.created'],
    });
    const own = await createKey(world.carol);
    await createKey(world.dave);
    await world.receiver.receivedAtLeast(seen + 1);
    await settle();
    expect(fresh().map((r) => r.keyId)).toEqual([own.id]);
    expect(fresh().every(signedWith(secret))).toBe(true);
  });

  it('retries with backoff: a 500, then the same event again, then 200', async () => {
    const { webhook, secret } = await subscribe(world.bob, world.receiver.url);
    world.receiver.answer(500);
    const key = await createKey(world.bob);
    let waiting: DeliveryLine | undefined;
    await until(async () => {
      [waiting] = await deliveryLog(world.bob, webhook.id);
      return waiting?.attempts === 1;
    });
    if (waiting === undefined) throw new Error('no delivery');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting.attempt_log).toEqual([
      expect.objectContaining({ attempt: 1, status_code: 500, outcome: 'pending' }),
    ]);
    const [failed] = waiting.attempt_log;
    const failedAt = Date.parse(failed.attempted_at) + failed.duration_ms;
    const wait = Date.parse(waiting.next_attempt_at ?? '') - failedAt;
    // Base 1 s with equal jitter: between half of it and all of it.
    expect(wait).toBeGreaterThanOrEqual(500);
    expect(wait).toBeLessThanOrEqual(1000);

    await world.receiver.receivedAtLeast(seen + 2);
    const [first, second] = fresh();
    expect([first.attempt, second.attempt]).toEqual([1, 2]);
    expect(second.eventId).toBe(first.eventId);
    expect(second.body).toBe(first.body);
    expect(second.keyId).toBe(key.id);
    expect([first, second].every(signedWith(secret))).toBe(true);
    await until(async () => (await deliveryLog(world.bob, webhook.id))[0]?.status === 'delivered');
    const [done] = await deliveryLog(world.bob, webhook.id);
    expect(done).toMatchObject({ attempts: 2, next_attempt_at: null });
    expect(done.attempt_log.map((a) => [a.attempt, a.status_code, a.outcome])).toEqual([
      [1, 500, 'pending'],
      [2, 200, 'delivered'],
    ]);
  });

  it('gives up after WEBHOOK_MAX_ATTEMPTS: the delivery is dead', async () => {
    const { webhook } = await subscribe(world.bob, world.receiver.url, { scope: 'org' });
    world.receiver.answer(500, 503, 500);
    await createKey(world.bob, { scope: 'org' });
    await until(async () => (await deliveryLog(world.bob, webhook.id))[0]?.status === 'dead');
    const [dead] = await deliveryLog(world.bob, webhook.id);
    expect(dead.attempt_log.map((a) => a.status_code)).toEqual([500, 503, 500]);
    expect(dead.next_attempt_at).toBeNull();
  });

  it('announces nothing while paused, and resumes with the events after re-enabling', async () => {
    const { webhook } = await subscribe(world.alice, world.receiver.url, {
      event_types: ['key.created'],
    });
    const paused = await world.alice.send<{ data: { enabled: boolean } }>(
      'PATCH',
      `/api/v1/webhooks/${webhook.id}`,
      { enabled: false },
    );
    expect(paused.body.data.enabled).toBe(false);
    await createKey(world.alice);
    await settle();
    expect(fresh()).toEqual([]);

    await world.alice.send('PATCH', `/api/v1/webhooks/${webhook.id}`, { enabled: true });
    const afterResume = await createKey(world.alice);
    await world.receiver.receivedAtLeast(seen + 1);
    await settle();
    expect(fresh().map((r) => r.keyId)).toEqual([afterResume.id]);
    await world.alice.send('DELETE', `/api/v1/webhooks/${webhook.id}`);
  });

  it('signs with the new secret from the rotation on, and stops at deletion', async () => {
    const { webhook, secret } = await subscribe(world.alice, world.receiver.url);
    const rotated = await world.alice.send<{ secret: string }>(
      'POST',
      `/api/v1/webhooks/${webhook.id}/rotate-secret`,
    );
    await createKey(world.alice);
    await world.receiver.receivedAtLeast(seen + 1);
    const [afterRotation] = fresh();
    expect(signedWith(rotated.body.secret)(afterRotation)).toBe(true);
    expect(signedWith(secret)(afterRotation)).toBe(false);

    expect((await world.alice.send('DELETE', `/api/v1/webhooks/${webhook.id}`)).status).toBe(204);
    await createKey(world.alice);
    await settle();
    expect(fresh()).toHaveLength(1);
  });
});
