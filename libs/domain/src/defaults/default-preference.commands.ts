import { DefaultOwner } from './default-preference.events';

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

/** Every command the default preference aggregate decides. */
export type DefaultPreferenceCommand = SetDefaultPreference | ClearDefaultPreference;
