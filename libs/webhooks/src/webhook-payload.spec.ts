import { KeyEvent } from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';
import { recordedEvent, testMetadata } from '@keyledger/event-store/testing';
import { webhookPayload } from './webhook-payload';

const stored = <E extends KeyEvent>(event: E): RecordedEvent & E => ({
  ...recordedEvent({
    id: 'evt_1',
    metadata: testMetadata({ occurred_at: '2026-05-01T10:00:00.000Z' }),
  }),
  ...event,
});

describe('webhookPayload', () => {
  it('names the event publicly and keeps its id, time and non-secret fields', () => {
    const payload = webhookPayload(
      stored({
        type: 'KeyRevoked',
        data: { key_id: 'k1', reason: 'leaked', revoked_at: '2026-05-01T10:00:00.000Z' },
      }),
    );
    expect(payload).toEqual({
      id: 'evt_1',
      type: 'key.revoked',
      created_at: '2026-05-01T10:00:00.000Z',
      data: { key_id: 'k1', reason: 'leaked', revoked_at: '2026-05-01T10:00:00.000Z' },
    });
  });

  it('withholds the keyed hashes and the permission snapshot', () => {
    const payload = webhookPayload(
      stored({
        type: 'KeySecretRotated',
        data: {
          key_id: 'k1',
          hash: 'h2',
          label: 'rk_ab…cd',
          previous_hash: 'h1',
          previous_valid_until: null,
          rotated_at: '2026-05-01T10:00:00.000Z',
        },
      }),
    );
    expect(payload.type).toBe('key.rotated');
    expect(payload.data).toEqual({
      key_id: 'k1',
      label: 'rk_ab…cd',
      previous_valid_until: null,
      rotated_at: '2026-05-01T10:00:00.000Z',
    });
  });
});
