import { KNOWN_KEYS, NOW } from '../testing/governed-keys';
import { keysUnusedFor } from './unused-keys';

describe('keysUnusedFor', () => {
  it('lists live keys idle for at least N days, counting unused keys from creation', async () => {
    const rows = [...keysUnusedFor(KNOWN_KEYS, 30, NOW)];
    expect(
      rows.map(({ key_id, last_used_at, idle_days }) => [key_id, last_used_at, idle_days]),
    ).toEqual([
      ['disabled', '2026-04-01T12:00:00.000Z', 90],
      ['stale', null, 180],
    ]);
  });

  it('includes a key idle for exactly N days', async () => {
    const rows = [...keysUnusedFor(KNOWN_KEYS, 90, NOW)];
    expect(rows.map((row) => row.key_id)).toEqual(['disabled', 'stale']);
    expect([...keysUnusedFor(KNOWN_KEYS, 91, NOW)]).toHaveLength(1);
  });
});
