import { KNOWN_KEYS, NOW } from '../testing/governed-keys';
import { keysNeverExpiring } from './keys-never-expiring';

describe('keysNeverExpiring', () => {
  it('lists live keys without an expiry', async () => {
    const rows = [...keysNeverExpiring(KNOWN_KEYS, NOW)];
    expect(rows.map((row) => [row.key_id, row.state])).toEqual([
      ['unlimited', 'active'],
      ['stale', 'active'],
    ]);
  });
});
