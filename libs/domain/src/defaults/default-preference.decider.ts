import { Decider } from '../shared/decider';
import { DefaultOwner, DefaultPreferenceEvent } from './default-preference.events';

/** Make a preference its owner's default, demoting the previous one. */
export interface SetDefaultPreference {
  readonly type: 'SetDefaultPreference';
  readonly owner: DefaultOwner;
  readonly preference_id: string;
}

/** Stop a preference being its owner's default (if it is). */
export interface ClearDefaultPreference {
  readonly type: 'ClearDefaultPreference';
  readonly owner: DefaultOwner;
  readonly preference_id: string;
}

export type DefaultPreferenceCommand = SetDefaultPreference | ClearDefaultPreference;

/** The owner's current default preference id, if any. */
export interface DefaultPreferenceState {
  readonly preference_id: string | null;
}

/** At most one default per owner: the owner's stream (`org-<id>` / `user-<id>`) guards it. */
export const defaultPreferenceDecider: Decider<DefaultPreferenceCommand, DefaultPreferenceEvent, DefaultPreferenceState> = {
  initialState: { preference_id: null },
  evolve: (_state, event) => ({
    preference_id: event.type === 'DefaultPreferenceSet' ? event.data.preference_id : null,
  }),
  decide: (command, state) => {
    const { owner, preference_id } = command;
    if (command.type === 'SetDefaultPreference') {
      return state.preference_id === preference_id
        ? []
        : [{ type: 'DefaultPreferenceSet', data: { owner, preference_id, previous_preference_id: state.preference_id } }];
    }
    return state.preference_id === preference_id ? [{ type: 'DefaultPreferenceCleared', data: { owner, preference_id } }] : [];
  },
};
