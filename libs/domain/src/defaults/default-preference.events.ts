/**
 * Defaults live on the owner's stream (`org-<id>` or `user-<id>`) so that "at most one default
 * per scope" is one stream's invariant, guarded by its expected revision.
 */
export interface DefaultPreferenceSet {
  readonly type: 'DefaultPreferenceSet';
  readonly data: {
    readonly owner: DefaultOwner;
    readonly preference_id: string;
    /** The default it demoted, if any. */
    readonly previous_preference_id: string | null;
  };
}

export interface DefaultPreferenceCleared {
  readonly type: 'DefaultPreferenceCleared';
  readonly data: { readonly owner: DefaultOwner; readonly preference_id: string };
}

export type DefaultOwner =
  | { readonly kind: 'org'; readonly org_id: string }
  | { readonly kind: 'user'; readonly user_id: string };

export type DefaultPreferenceEvent = DefaultPreferenceSet | DefaultPreferenceCleared;

/** The stream holding an owner's default preference. */
export const defaultOwnerStream = (owner: DefaultOwner): string =>
  owner.kind === 'org' ? `org-${owner.org_id}` : `user-${owner.user_id}`;
