import { collect } from '../testing/async-iterables';
import { knownKeys, NOW } from '../testing/governed-keys';
import { keysWithoutLimit } from './keys-without-limit';

describe('keysWithoutLimit', () => {
  it('lists live unlimited keys, leaving out revoked and expired ones', async () => {
    expect(await collect(keysWithoutLimit(knownKeys(), NOW))).toEqual([
      {
        key_id: 'unlimited',
        name: 'Key unlimited',
        org_id: 'org_1',
        owner_user_id: 'alice',
        state: 'active',
      },
    ]);
  });
});
