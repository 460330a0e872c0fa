import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyEvent } from '@keyledger/domain';
import { OutboundAddressPolicy, parseCidrList } from '@keyledger/network';
import {
  CreateWebhookSubscription,
  webhookSigningSecret,
  webhookStream,
  WebhookSubscriptionCommand,
  webhookSubscriptionDecider,
  WebhookSubscriptionState,
} from '@keyledger/domain/webhooks';
import { EventStore, SqliteEventStore } from '@keyledger/event-store';
import { testMetadata } from '@keyledger/event-store/testing';
import { keyCreated } from '@keyledger/read-models/testing/key-events';
import { Delivery } from './delivery';
import { RetryPolicy } from './retry-policy';
import { SIGNATURE_HEADER, verifySignature } from './signature';
import { Sleep, untilAborted } from './sleep';
import { eventually, manualTime, startWebhookReceiver, WebhookReceiver } from './testing';
import { httpSender } from './webhook-sender';
import { WebhookWorker, WebhookWorkerOptions } from './webhook-worker';

const serverKey = 'test-server-key-with-at-least-32-characters';
const start = new Date('2026-06-01T12:00:00.000Z');
const retry: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000 };
const t = '2026-06-01T12:00:00.000Z';

let dir: string;
let events: EventStore;
let receiver: WebhookReceiver;
const workers: WebhookWorker[] = [];
const failures: unknown[] = [];
const subscriptions = new Map<string, WebhookSubscriptionState>();
/** A sleep that only a wake-up ends: a retry then waits until something else happens. */
const endless: Sleep = (_ms, signal) => untilAborted(signal);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keyledger-webhooks-'));
  events = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 5 });
  receiver = await startWebhookReceiver();
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.close()));
  subscriptions.clear();
  expect(failures.splice(0)).toEqual([]);
  await events.close();
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A running worker on this test's files; a fresh one after close() resumes where it stopped. */
function startWorker(options: Partial<WebhookWorkerOptions> = {}): WebhookWorker {
  const time = manualTime(start);
  const worker = new WebhookWorker(events, {
    databaseFile: join(dir, 'webhooks.sqlite'),
    serverKey,
    retry,
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    // The receiver listens on loopback, which the default sender refuses.
    sender: httpSender({ targets: new OutboundAddressPolicy(parseCidrList('127.0.0.0/8')) }),
    onError: (error) => failures.push(error),
    ...options,
  });
  workers.push(worker);
  worker.start();
  return worker;
}

async function stopWorker(worker: WebhookWorker): Promise<void> {
  workers.splice(workers.indexOf(worker), 1);
  await worker.close();
}

/** Decides a subscription command against what this test appended so far, and appends the result. */
async function subscription(id: string, command: WebhookSubscriptionCommand): Promise<void> {
  const state = subscriptions.get(id) ?? webhookSubscriptionDecider.initialState;
  const decided = webhookSubscriptionDecider.decide(command, state);
  subscriptions.set(id, decided.reduce(webhookSubscriptionDecider.evolve, state));
  await events.append(webhookStream(id), decided, {
    expectedRevision: 'any',
    metadata: testMetadata(),
  });
}

const subscribe = (id: string, changes: Partial<CreateWebhookSubscription> = {}) =>
  subscription(id, {
    type: 'CreateWebhookSubscription',
    subscription_id: id,
    active_org_id: null,
    owner_user_id: 'user_1',
    url: receiver.url,
    event_types: ['key.created', 'key.disabled', 'key.revoked'],
    now: t,
    ...changes,
  });

/** Appends a key event and returns its id (the id receivers see). */
async function key({ type, data }: KeyEvent): Promise<string> {
  const { position } = await events.append(`key-${data.key_id}`, [{ type, data: { ...data } }], {
    expectedRevision: 'any',
    metadata: testMetadata(),
  });
  const [appended] = await events.readAll({ fromPosition: position - 1, maxCount: 1 });
  return appended.id;
}

const disabled = (key_id: string): KeyEvent => ({
  type: 'KeyDisabled',
  data: { key_id, reason: 'suspicious traffic', disabled_at: t },
});
const revoked = (key_id: string): KeyEvent => ({
  type: 'KeyRevoked',
  data: { key_id, reason: null, revoked_at: t },
});

const receivedIds = () =>
  receiver.received.map((request) => request.headers['x-keyledger-event-id']);
const statusOf = (worker: WebhookWorker, subscriptionId: string, eventId: string) =>
  worker.ledger.deliveries(subscriptionId).find((d) => d.event_id === eventId)?.status;
const settled = (worker: WebhookWorker, subscriptionId: string) => () => {
  const deliveries = worker.ledger.deliveries(subscriptionId);
  return deliveries.length > 0 && deliveries.every((d: Delivery) => d.status !== 'pending');
};

describe('WebhookWorker over a real HTTP endpoint', () => {
  it('delivers a signed payload that the receiver can verify', async () => {
    const worker = startWorker();
    await subscribe('w1');
    const eventId = await key(keyCreated('k1'));
    await receiver.receivedAtLeast(1);

    const [request] = receiver.received;
    const secret = webhookSigningSecret(serverKey, 'w1', 1);
    const signature = String(request.headers[SIGNATURE_HEADER]);
    expect(signature).toMatch(new RegExp(`^t=${start.getTime() / 1000},v1=[0-9a-f]{64}$`));
    expect(verifySignature(secret, signature, request.body, 300, start)).toBe(true);
    expect(
      verifySignature(
        webhookSigningSecret(serverKey, 'w1', 2),
        signature,
        request.body,
        300,
        start,
      ),
    ).toBe(false);
    expect(request.headers['x-keyledger-event-id']).toBe(eventId);
    expect(request.headers['content-type']).toBe('application/json');
    const payload = JSON.parse(request.body);
    expect(payload).toMatchObject({
      id: eventId,
      type: 'key.created',
      created_at: testMetadata().occurred_at,
      data: { key_id: 'k1', name: 'Key k1', scope: 'personal' },
    });
    expect(payload.data).not.toHaveProperty('hash');
    await eventually(settled(worker, 'w1'));
    expect(worker.ledger.attempts('w1')).toEqual([
      {
        subscription_id: 'w1',
        event_id: eventId,
        attempt: 1,
        url: receiver.url,
        attempted_at: start.toISOString(),
        status_code: 200,
        duration_ms: 0,
        error: null,
        outcome: 'delivered',
      },
    ]);
  });

  it('retries after 500s with exponential backoff and then delivers once', async () => {
    receiver.answer(500, 503);
    const worker = startWorker({ retry: { ...retry, maxAttempts: 5 } });
    await subscribe('w1');
    const eventId = await key(keyCreated('k1'));
    await eventually(settled(worker, 'w1'));

    expect(receivedIds()).toEqual([eventId, eventId, eventId]);
    const attempts = worker.ledger.attempts('w1');
    expect(attempts.map((a) => [a.attempt, a.status_code, a.error, a.outcome])).toEqual([
      [1, 500, 'HTTP 500', 'pending'],
      [2, 503, 'HTTP 503', 'pending'],
      [3, 200, null, 'delivered'],
    ]);
    // random() = 0.5 puts each wait at three quarters of its doubling step (1 s, 2 s).
    const times = attempts.map((a) => Date.parse(a.attempted_at) - start.getTime());
    expect(times).toEqual([0, 750, 750 + 1500]);
    expect(receiver.received.map((r) => r.headers['x-keyledger-delivery-attempt'])).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  it('gives up after the last attempt and marks the delivery dead', async () => {
    receiver.answer(500, 500, 500, 500);
    const worker = startWorker();
    await subscribe('w1');
    const eventId = await key(keyCreated('k1'));
    await eventually(settled(worker, 'w1'));

    expect(statusOf(worker, 'w1', eventId)).toBe('dead');
    expect(worker.ledger.attempts('w1').map((a) => a.outcome)).toEqual([
      'pending',
      'pending',
      'dead',
    ]);
    expect(receiver.received).toHaveLength(retry.maxAttempts);
    expect(worker.ledger.nextDueAt()).toBeNull();
  });

  it('records a network failure as an attempt without a status code', async () => {
    const worker = startWorker();
    await subscribe('w1', { url: 'http://127.0.0.1:1/unreachable' });
    const eventId = await key(keyCreated('k1'));
    await eventually(settled(worker, 'w1'));

    expect(statusOf(worker, 'w1', eventId)).toBe('dead');
    const [first] = worker.ledger.attempts('w1');
    expect(first.status_code).toBeNull();
    expect(first.error).toEqual(expect.any(String));
  });

  it('announces only the subscribed types, and only keys the subscription covers', async () => {
    const worker = startWorker();
    await subscribe('w1', { event_types: ['key.revoked'] });
    await subscribe('org', { scope: 'org', org_id: 'org_1', event_types: ['key.created'] });
    await key(keyCreated('k1'));
    await key(disabled('k1'));
    const revokedId = await key(revoked('k1'));
    await key(keyCreated('k2', { owner_user_id: 'someone_else' }));
    await key(revoked('k2'));
    const orgKeyId = await key(keyCreated('k3', { scope: 'org', org_id: 'org_1' }));
    await receiver.receivedAtLeast(2);
    await eventually(() => settled(worker, 'w1')() && settled(worker, 'org')());

    expect(worker.ledger.deliveries('w1').map((d) => d.event_id)).toEqual([revokedId]);
    expect(worker.ledger.deliveries('org').map((d) => d.event_id)).toEqual([orgKeyId]);
    expect(receiver.received).toHaveLength(2);
  });

  it('stops delivering to a deleted subscription, cancelling retries still waiting', async () => {
    receiver.answer(500);
    // No sleep ever ends on its own, so the retry waits until the deletion cancels it.
    const worker = startWorker({ sleep: endless });
    await subscribe('w1');
    await subscribe('sentinel', { event_types: ['key.revoked'] });
    const createdId = await key(keyCreated('k1'));
    await receiver.receivedAtLeast(1);
    await subscription('w1', { type: 'DeleteWebhookSubscription', now: t });
    await key(disabled('k1'));
    const revokedId = await key(revoked('k1'));
    await eventually(() => statusOf(worker, 'sentinel', revokedId) === 'delivered');

    expect(worker.ledger.deliveries('w1').map((d) => [d.event_id, d.status])).toEqual([
      [createdId, 'cancelled'],
    ]);
    expect(receivedIds()).toEqual([createdId, revokedId]);
  });

  it('after a restart, delivers what was appended while down and nothing twice', async () => {
    const first = startWorker();
    await subscribe('w1');
    const before = await key(keyCreated('k1'));
    await eventually(settled(first, 'w1'));
    await stopWorker(first);

    const whileDown = [await key(disabled('k1')), await key(revoked('k1'))];
    const second = startWorker();
    await receiver.receivedAtLeast(3);
    await eventually(() => second.ledger.deliveries('w1').length === 3 && settled(second, 'w1')());

    expect(receivedIds()).toEqual([before, ...whileDown]);
    expect(second.ledger.deliveries('w1').map((d) => [d.event_id, d.attempts, d.status])).toEqual([
      [before, 1, 'delivered'],
      [whileDown[0], 1, 'delivered'],
      [whileDown[1], 1, 'delivered'],
    ]);
  });

  it('lets an attempt in flight finish on close, so an acknowledged delivery is never resent', async () => {
    receiver.answerAfter(300);
    const closing = startWorker();
    await subscribe('w1');
    const eventId = await key(keyCreated('k1'));
    await receiver.receivedAtLeast(1);
    await stopWorker(closing);

    const second = startWorker();
    await eventually(settled(second, 'w1'));
    expect(receivedIds()).toEqual([eventId]);
    expect(statusOf(second, 'w1', eventId)).toBe('delivered');
  });

  it('keeps a delivery still owed across a restart and sends it after', async () => {
    receiver.answer(500);
    const hanging = startWorker({ sleep: endless });
    await subscribe('w1');
    const eventId = await key(keyCreated('k1'));
    await receiver.receivedAtLeast(1);
    await eventually(() => hanging.ledger.attempts('w1').length === 1);
    await stopWorker(hanging);

    const second = startWorker();
    await eventually(settled(second, 'w1'));
    expect(receivedIds()).toEqual([eventId, eventId]);
    expect(statusOf(second, 'w1', eventId)).toBe('delivered');
  });

  it('lets the event loop turn while it takes in a history of several batches', async () => {
    // More than one intake batch (500 events), in one commit.
    await events.appendBatch(
      Array.from({ length: 600 }, (_, i) => ({
        stream: `key-history-${i}`,
        events: [{ type: 'KeyCreated', data: { ...keyCreated(`history-${i}`).data } }],
        options: { expectedRevision: 'no_stream' as const, metadata: testMetadata() },
      })),
    );
    const head = await events.headPosition();
    const worker = startWorker();
    // Taken at the event loop's next turn: before the intake is through the history.
    const takenInAtTurn = await new Promise<number>((resolve) =>
      setImmediate(() => resolve(worker.ledger.checkpoint())),
    );
    await eventually(() => worker.ledger.checkpoint() === head);
    expect(takenInAtTurn).toBeLessThan(head);
  });

  it('signs with the rotated secret and sends to the updated URL', async () => {
    const other = await startWebhookReceiver();
    try {
      const worker = startWorker();
      await subscribe('w1');
      await subscription('w1', { type: 'RotateWebhookSecret', now: t });
      await subscription('w1', { type: 'UpdateWebhookSubscription', url: other.url, now: t });
      await key(keyCreated('k1'));
      await other.receivedAtLeast(1);
      await eventually(settled(worker, 'w1'));

      const [request] = other.received;
      const signature = String(request.headers[SIGNATURE_HEADER]);
      expect(
        verifySignature(
          webhookSigningSecret(serverKey, 'w1', 2),
          signature,
          request.body,
          300,
          start,
        ),
      ).toBe(true);
      expect(receiver.received).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});
