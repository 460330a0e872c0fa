import { describeBehind, isBehind } from './projection-lag';

describe('describeBehind', () => {
  it('counts events where the store counts them, and says bytes where it cannot', () => {
    expect(describeBehind({ behind_events: 3 })).toBe('3 events');
    expect(describeBehind({ behind_events: null, behind_bytes: 4096 })).toBe(
      '4096 bytes of the log (EventStoreDB positions are byte offsets; events are not counted)',
    );
  });

  it('is behind by any events or bytes, not when caught up', () => {
    expect([
      isBehind({ behind_events: 0 }),
      isBehind({ behind_events: 2 }),
      isBehind({ behind_events: null, behind_bytes: 0 }),
      isBehind({ behind_events: null, behind_bytes: 512 }),
    ]).toEqual([false, true, false, true]);
  });
});
