import { given } from '../testing';
import { defaultPreferenceDecider } from './default-preference.decider';
import {
  DefaultOwner,
  DefaultPreferenceEvent,
  defaultOwnerStream,
} from './default-preference.events';

const owner: DefaultOwner = { kind: 'org', org_id: 'org_1' };
const set = (
  preference_id: string,
  previous_preference_id: string | null,
): DefaultPreferenceEvent => ({
  type: 'DefaultPreferenceSet',
  data: { owner, preference_id, previous_preference_id },
});
const cleared = (preference_id: string): DefaultPreferenceEvent => ({
  type: 'DefaultPreferenceCleared',
  data: { owner, preference_id },
});
const owned = (...events: DefaultPreferenceEvent[]) => given(defaultPreferenceDecider, events);

describe('SetDefaultPreference', () => {
  it('promotes a first default', () => {
    owned()
      .when({ type: 'SetDefaultPreference', owner, preference_id: 'p1' })
      .then([set('p1', null)]);
  });

  it('demotes the previous default when promoting another', () => {
    owned(set('p1', null))
      .when({ type: 'SetDefaultPreference', owner, preference_id: 'p2' })
      .then([set('p2', 'p1')]);
  });

  it('does nothing when it is already the default', () => {
    owned(set('p1', null))
      .when({ type: 'SetDefaultPreference', owner, preference_id: 'p1' })
      .then([]);
  });

  it('promotes again after a clear, with no previous default', () => {
    owned(set('p1', null), cleared('p1'))
      .when({ type: 'SetDefaultPreference', owner, preference_id: 'p1' })
      .then([set('p1', null)]);
  });
});

describe('ClearDefaultPreference', () => {
  it('clears the current default', () => {
    owned(set('p1', null))
      .when({ type: 'ClearDefaultPreference', owner, preference_id: 'p1' })
      .then([cleared('p1')]);
  });

  it('does nothing for a preference that is not the current default', () => {
    owned(set('p1', null), set('p2', 'p1'))
      .when({ type: 'ClearDefaultPreference', owner, preference_id: 'p1' })
      .then([]);
    owned().when({ type: 'ClearDefaultPreference', owner, preference_id: 'p1' }).then([]);
  });
});

describe('default preference state', () => {
  it('follows promotions and clears', () => {
    expect(owned().state).toEqual({ preference_id: null });
    expect(owned(set('p1', null), set('p2', 'p1')).state).toEqual({ preference_id: 'p2' });
    expect(owned(set('p1', null), cleared('p1')).state).toEqual({ preference_id: null });
  });

  it('ignores a clear of a preference that is no longer the default', () => {
    expect(owned(set('p2', null), cleared('p1')).state).toEqual({ preference_id: 'p2' });
  });

  it('ignores the other events of the owner stream', () => {
    const other = {
      type: 'OrgRenamed',
      data: { org_id: 'org_1' },
    } as unknown as DefaultPreferenceEvent;
    expect(owned(set('p1', null), other).state).toEqual({ preference_id: 'p1' });
  });
});

describe('defaultOwnerStream', () => {
  it('keeps org defaults on org-<id> and user defaults on user-<id>', () => {
    expect(defaultOwnerStream({ kind: 'org', org_id: 'o1' })).toBe('org-o1');
    expect(defaultOwnerStream({ kind: 'user', user_id: 'u1' })).toBe('user-u1');
  });
});
