import { given } from '../testing/given-when-then';
import { defaultPreferenceDecider } from './default-preference.decider';
import { DefaultOwner, DefaultPreferenceEvent } from './default-preference.events';

const owner: DefaultOwner = { kind: 'org', org_id: 'org_1' };
const setP1: DefaultPreferenceEvent = { type: 'DefaultPreferenceSet', data: { owner, preference_id: 'p1', previous_preference_id: null } };

describe('default preference decider', () => {
  it('promotes a first default', () => {
    given(defaultPreferenceDecider, []).when({ type: 'SetDefaultPreference', owner, preference_id: 'p1' }).then([setP1]);
  });

  it('promoting another demotes the previous default', () => {
    given(defaultPreferenceDecider, [setP1])
      .when({ type: 'SetDefaultPreference', owner, preference_id: 'p2' })
      .then([{ type: 'DefaultPreferenceSet', data: { owner, preference_id: 'p2', previous_preference_id: 'p1' } }]);
  });

  it('does nothing when it is already the default', () => {
    given(defaultPreferenceDecider, [setP1]).when({ type: 'SetDefaultPreference', owner, preference_id: 'p1' }).then([]);
  });

  it('clears only the current default', () => {
    given(defaultPreferenceDecider, [setP1])
      .when({ type: 'ClearDefaultPreference', owner, preference_id: 'p1' })
      .then([{ type: 'DefaultPreferenceCleared', data: { owner, preference_id: 'p1' } }]);
    given(defaultPreferenceDecider, [setP1]).when({ type: 'ClearDefaultPreference', owner, preference_id: 'p2' }).then([]);
  });
});
