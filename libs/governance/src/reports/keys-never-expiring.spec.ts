import { collect } from '../testing/async-iterables';
import { knownKeys, NOW } from '../testing/governed-keys';
import { keysNeverExpiring } from './keys-never-expiring';

describe('keysNeverExpiring', () => {
  it('lists live keys without an expiry', async () => {
    const rows = await collect(keysNeverExpiring(knownKeys(), NOW));
    expect(rows.map((row) => [row.key_id, row.state])).toEqual([
      ['unlimited', 'active'],
      ['stale', 'active'],
    ]);
  });
});
