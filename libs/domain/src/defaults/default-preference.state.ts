/** An owner's current default preference id, if any. */
export interface DefaultPreferenceState {
  readonly preference_id: string | null;
}

/** An owner without a default. */
export const initialDefaultPreferenceState: DefaultPreferenceState = { preference_id: null };
