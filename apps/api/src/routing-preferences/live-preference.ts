import { PreferenceFacts, RoutingPreferenceState } from '@keyledger/domain';
import { preferenceNotFound } from './preference-directory';

/** The facts of a preference a command just decided on; the decider refused anything not live. */
export function livePreference(state: RoutingPreferenceState): PreferenceFacts {
  if (state.status !== 'live') throw preferenceNotFound();
  return state.preference;
}
