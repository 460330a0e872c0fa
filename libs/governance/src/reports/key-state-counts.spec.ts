import { KNOWN_KEYS, NOW, talliesOf } from '../testing/governed-keys';
import { keysByStatePerOrg, keysPerOwner } from './key-state-counts';

describe('keysByStatePerOrg', () => {
  it('counts each state per org, personal keys last', () => {
    expect(keysByStatePerOrg(talliesOf(KNOWN_KEYS, 'org_id', NOW))).toEqual([
      { org_id: 'org_1', active: 1, disabled: 1, expired: 0, revoked: 1, total: 3 },
      { org_id: 'org_2', active: 0, disabled: 0, expired: 1, revoked: 0, total: 1 },
      { org_id: null, active: 2, disabled: 0, expired: 0, revoked: 0, total: 2 },
    ]);
  });
});

describe('keysPerOwner', () => {
  it('counts each state per owner, most keys first', () => {
    expect(keysPerOwner(talliesOf(KNOWN_KEYS, 'owner_user_id', NOW))).toEqual([
      { owner_user_id: 'alice', active: 2, disabled: 0, expired: 0, revoked: 1, total: 3 },
      { owner_user_id: 'bob', active: 0, disabled: 1, expired: 1, revoked: 0, total: 2 },
      { owner_user_id: 'carol', active: 1, disabled: 0, expired: 0, revoked: 0, total: 1 },
    ]);
  });
});
