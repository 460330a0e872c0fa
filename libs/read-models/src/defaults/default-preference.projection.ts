import { DefaultOwner } from '@keyledger/domain';
import { Projection } from '../projection/projection';
import { isDefaultPreferenceEvent } from './is-default-preference-event';
import { OWNER_STREAM_PREFIXES } from './owner-stream-prefixes';
import {
  DEFAULT_PREFERENCE_DOCUMENTS,
  DefaultPreferenceDocument,
  defaultOwnerId,
} from './default-preference.document';

const ownerId = (owner: DefaultOwner): string =>
  owner.kind === 'org' ? owner.org_id : owner.user_id;

/** Each org's and user's default preference, for the org-default → user-default steps of resolution. */
export const defaultPreferenceProjection: Projection<DefaultPreferenceDocument> = {
  name: 'default_preferences.v1',
  collection: DEFAULT_PREFERENCE_DOCUMENTS,
  streamPrefixes: OWNER_STREAM_PREFIXES,
  documentIds: (event) =>
    isDefaultPreferenceEvent(event) ? [defaultOwnerId(event.data.owner)] : [],
  apply: (document, event) => {
    if (!isDefaultPreferenceEvent(event)) return document;
    const { owner, preference_id } = event.data;
    const current = document?.preference_id ?? null;
    // Clearing a preference that is no longer the default leaves the newer default alone.
    const next =
      event.type === 'DefaultPreferenceSet'
        ? preference_id
        : current === preference_id
          ? null
          : current;
    return {
      id: defaultOwnerId(owner),
      owner_kind: owner.kind,
      owner_id: ownerId(owner),
      preference_id: next,
      updated_at: event.metadata.occurred_at,
    };
  },
};
