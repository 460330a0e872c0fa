import { KNOWN_KEYS, NOW } from '../testing/governed-keys';
import { keysNearLimit, windowUsage } from './keys-near-limit';

describe('keysNearLimit', () => {
  it('lists live keys at or over the threshold of the usage in their window', async () => {
    const rows = [...keysNearLimit(KNOWN_KEYS, 80, NOW)];
    expect(rows).toEqual([
      expect.objectContaining({
        key_id: 'disabled',
        state: 'disabled',
        limit: 100,
        limit_reset: 'monthly',
        window_usage: 85,
        used_percent: 85,
        exhausted: false,
      }),
      expect.objectContaining({
        key_id: 'over',
        limit: 10,
        limit_reset: 'daily',
        window_usage: 12,
        used_percent: 120,
        exhausted: true,
      }),
    ]);
  });

  it('moves with the threshold: exactly at it counts', async () => {
    const ids = async (threshold: number) =>
      [...keysNearLimit(KNOWN_KEYS, threshold, NOW)].map((row) => row.key_id);
    expect(await ids(85)).toEqual(['disabled', 'over']);
    expect(await ids(85.1)).toEqual(['over']);
    expect(await ids(20)).toEqual(['disabled', 'over', 'stale']);
  });

  it('treats a zero limit as used up', async () => {
    const [key] = KNOWN_KEYS;
    const rows = [...keysNearLimit([{ ...key, limit: 0 }], 100, NOW)];
    expect(rows).toMatchObject([{ used_percent: 100, exhausted: true }]);
  });
});

describe('windowUsage', () => {
  it('reads the usage of the key’s reset window, or all-time usage without one', () => {
    const [key] = KNOWN_KEYS;
    const usage = { usage: 1, usage_daily: 2, usage_weekly: 3, usage_monthly: 4 };
    expect(windowUsage({ ...key, ...usage, limit_reset: null })).toBe(1);
    expect(windowUsage({ ...key, ...usage, limit_reset: 'daily' })).toBe(2);
    expect(windowUsage({ ...key, ...usage, limit_reset: 'weekly' })).toBe(3);
    expect(windowUsage({ ...key, ...usage, limit_reset: 'monthly' })).toBe(4);
  });
});
