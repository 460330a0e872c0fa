import { recordedEvent, temporaryDatabaseFile } from '@keyledger/event-store/testing';
import { keyCreated } from '@keyledger/read-models/testing/key-events';
import { WebhookLedger } from './webhook-ledger';

const t = '2026-06-01T12:00:00.000Z';
const subscribed = (position: number) =>
  recordedEvent({
    id: `e${position}`,
    position,
    stream: 'webhook-w1',
    type: 'WebhookSubscriptionCreated',
    data: {
      subscription_id: 'w1',
      scope: 'personal',
      owner_user_id: 'user_1',
      org_id: null,
      url: 'https://hooks.example.com/',
      event_types: ['key.created'],
      secret_version: 1,
      created_at: t,
    },
  });
const created = (position: number, keyId: string) =>
  recordedEvent({
    id: `e${position}`,
    position,
    stream: `key-${keyId}`,
    type: 'KeyCreated',
    data: { ...keyCreated(keyId).data },
  });

describe('WebhookLedger', () => {
  let file: ReturnType<typeof temporaryDatabaseFile>;
  let ledger: WebhookLedger;
  beforeEach(() => {
    file = temporaryDatabaseFile();
    ledger = new WebhookLedger(file.file);
  });
  afterEach(() => {
    ledger.close();
    file.remove();
  });

  it('owes an event only to subscriptions that existed before it in the global order', () => {
    expect(ledger.ingest(created(1, 'k1'))).toBe(0);
    expect(ledger.ingest(subscribed(2))).toBe(0);
    expect(ledger.ingest(created(3, 'k2'))).toBe(1);
    expect(ledger.deliveries('w1').map((d) => d.event_id)).toEqual(['e3']);
  });

  it('enqueues a replayed event once', () => {
    ledger.ingest(subscribed(1));
    expect(ledger.ingest(created(2, 'k1'))).toBe(1);
    expect(ledger.ingest(created(2, 'k1'))).toBe(0);
    expect(ledger.deliveries('w1')).toHaveLength(1);
  });

  it('keeps its checkpoint and what it learned across reopening', () => {
    ledger.ingest(subscribed(4));
    ledger.ingest(recordedEvent({ position: 5, type: 'SomethingElse' }));
    ledger.close();
    ledger = new WebhookLedger(file.file);
    // An event that changed nothing is not worth a write: replaying it after a restart is harmless.
    expect(ledger.checkpoint()).toBe(4);
    expect(ledger.ingest(created(6, 'k1'))).toBe(1);
    expect(ledger.due(0, 10)).toMatchObject([
      { subscription_id: 'w1', event_id: 'e6', url: 'https://hooks.example.com/', attempts: 0 },
    ]);
  });
});
