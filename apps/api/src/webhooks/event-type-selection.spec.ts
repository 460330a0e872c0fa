import { WEBHOOK_EVENT_TYPES } from '@keyledger/domain/webhooks';
import { KNOWN_EVENT_TYPES, selectEventTypes } from './event-type-selection';

describe('selectEventTypes', () => {
  it('keeps an explicit list as it is', () => {
    expect(selectEventTypes(['key.revoked', 'key.created'])).toEqual([
      'key.revoked',
      'key.created',
    ]);
  });

  it('reads * as every known type, once each', () => {
    expect(selectEventTypes(['*'])).toEqual(Object.values(WEBHOOK_EVENT_TYPES));
    expect(selectEventTypes(['key.created', '*'])).toBe(KNOWN_EVENT_TYPES);
    expect(new Set(KNOWN_EVENT_TYPES).size).toBe(KNOWN_EVENT_TYPES.length);
  });
});
