import { DomainError } from '@keyledger/domain';
import { Delivery, DeliveryAttempt } from '@keyledger/webhooks';
import { deliveryLogPage } from './delivery-log-page';

const delivery = (event_id: string, changes: Partial<Delivery> = {}): Delivery => ({
  subscription_id: 'w1',
  event_id,
  event_type: 'key.created',
  status: 'delivered',
  attempts: 1,
  next_attempt_at: null,
  ...changes,
});

const attempt = (event_id: string, n: number, status_code: number): DeliveryAttempt => ({
  subscription_id: 'w1',
  event_id,
  attempt: n,
  url: 'https://hooks.example.com/',
  attempted_at: `2026-06-01T12:00:0${n}.000Z`,
  status_code,
  duration_ms: 3,
  error: status_code === 200 ? null : `HTTP ${status_code}`,
  outcome: status_code === 200 ? 'delivered' : 'pending',
});

/** Oldest first, as the ledger returns them. */
const ledger = [
  delivery('e1'),
  delivery('e2', {
    status: 'pending',
    attempts: 1,
    next_attempt_at: '2026-06-01T12:00:10.000Z',
  }),
  delivery('e3'),
];

describe('deliveryLogPage', () => {
  it('shows the newest event first, each with its attempts oldest first', () => {
    const page = deliveryLogPage(
      ledger,
      [attempt('e1', 1, 200), attempt('e2', 1, 500), attempt('e3', 1, 200)],
      { limit: 10 },
    );
    expect(page.data.map((d) => d.event_id)).toEqual(['e3', 'e2', 'e1']);
    expect(page.data[1]).toEqual({
      event_id: 'e2',
      event_type: 'key.created',
      status: 'pending',
      attempts: 1,
      next_attempt_at: '2026-06-01T12:00:10.000Z',
      attempt_log: [
        {
          attempt: 1,
          url: 'https://hooks.example.com/',
          attempted_at: '2026-06-01T12:00:01.000Z',
          status_code: 500,
          duration_ms: 3,
          error: 'HTTP 500',
          outcome: 'pending',
        },
      ],
    });
    expect(page.next_cursor).toBeNull();
  });

  it('pages with the last event id shown, and filters by status', () => {
    const first = deliveryLogPage(ledger, [], { limit: 2 });
    expect(first.data.map((d) => d.event_id)).toEqual(['e3', 'e2']);
    expect(first.next_cursor).toBe('e2');
    const second = deliveryLogPage(ledger, [], { limit: 2, cursor: 'e2' });
    expect(second.data.map((d) => d.event_id)).toEqual(['e1']);
    expect(second.next_cursor).toBeNull();
    const delivered = deliveryLogPage(ledger, [], { limit: 1, status: 'delivered' });
    expect(delivered.data.map((d) => d.event_id)).toEqual(['e3']);
    expect(
      deliveryLogPage(ledger, [], { limit: 1, status: 'delivered', cursor: 'e3' }).data,
    ).toEqual([expect.objectContaining({ event_id: 'e1' })]);
  });

  it('refuses a cursor it did not hand out', () => {
    expect(() => deliveryLogPage(ledger, [], { limit: 2, cursor: 'nope' })).toThrow(DomainError);
  });
});
