import { Decider } from '../shared/decider';
import { DefaultPreferenceCommand } from './default-preference.commands';
import { DefaultPreferenceEvent } from './default-preference.events';
import { DefaultPreferenceState, initialDefaultPreferenceState } from './default-preference.state';

/** At most one default per owner: the owner's stream (`org-<id>` / `user-<id>`) guards it. */
export const defaultPreferenceDecider: Decider<
  DefaultPreferenceCommand,
  DefaultPreferenceEvent,
  DefaultPreferenceState
> = {
  initialState: initialDefaultPreferenceState,
  evolve: (state, event) => {
    switch (event.type) {
      case 'DefaultPreferenceSet':
        return { preference_id: event.data.preference_id };
      case 'DefaultPreferenceCleared':
        return state.preference_id === event.data.preference_id ? { preference_id: null } : state;
      default:
        // Owner streams also carry other aggregates' events: they change no default.
        return state;
    }
  },
  decide: (command, state) => {
    const { owner, preference_id } = command;
    const isCurrent = state.preference_id === preference_id;
    if (command.type === 'SetDefaultPreference') {
      return isCurrent
        ? []
        : [
            {
              type: 'DefaultPreferenceSet',
              data: { owner, preference_id, previous_preference_id: state.preference_id },
            },
          ];
    }
    return isCurrent ? [{ type: 'DefaultPreferenceCleared', data: { owner, preference_id } }] : [];
  },
};
