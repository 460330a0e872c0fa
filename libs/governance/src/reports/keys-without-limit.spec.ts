import { KNOWN_KEYS, NOW } from '../testing/governed-keys';
import { keysWithoutLimit } from './keys-without-limit';

describe('keysWithoutLimit', () => {
  it('lists live unlimited keys, leaving out revoked and expired ones', async () => {
    expect([...keysWithoutLimit(KNOWN_KEYS, NOW)]).toEqual([
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
