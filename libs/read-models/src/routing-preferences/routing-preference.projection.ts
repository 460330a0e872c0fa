import { DefaultOwner, DefaultPreferenceEvent, RoutingPreferenceEvent } from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';
import { Projection } from '../runner/projection';
import { DefaultPreferenceDocument, RoutingPreferenceDocument } from './routing-preference.document';

export const PREFERENCES_COLLECTION = 'routing_preferences';
export const DEFAULTS_COLLECTION = 'default_preferences';

/** Preferences, including deleted ones (flagged), so history and audits can still name them. */
export const routingPreferenceProjection: Projection<RoutingPreferenceDocument> = {
  name: 'routing_preferences.v1',
  collection: PREFERENCES_COLLECTION,
  indexes: [{ fields: ['audience', 'created_at'] }],
  streamPrefixes: ['routing_preference-'],
  documentIds: (event) => (typeof event.data.preference_id === 'string' ? [event.data.preference_id] : []),
  apply: (document, recorded) => {
    const event = recorded as unknown as RoutingPreferenceEvent & RecordedEvent;
    const updated_at = recorded.metadata.occurred_at;
    if (event.type === 'RoutingPreferenceCreated') {
      const { preference_id, ...data } = event.data;
      const audience = data.scope === 'team' && data.org_id ? `org:${data.org_id}` : `user:${data.author_user_id}`;
      return { ...data, id: preference_id, audience, deleted: false, updated_at };
    }
    if (document === null) return null;
    switch (event.type) {
      case 'RoutingPreferenceUpdated': {
        const { preference_id: _id, ...changes } = event.data;
        return { ...document, ...changes, updated_at };
      }
      case 'RoutingPreferenceEnabled':
        return { ...document, enabled: true, updated_at };
      case 'RoutingPreferenceDisabled':
        return { ...document, enabled: false, updated_at };
      case 'RoutingPreferenceDeleted':
        return { ...document, deleted: true, enabled: false, updated_at };
      default:
        return document;
    }
  },
};

/** The document id of an owner's default. */
export const defaultOwnerId = (owner: DefaultOwner): string =>
  owner.kind === 'org' ? `org:${owner.org_id}` : `user:${owner.user_id}`;

/** Each owner's current default preference. */
export const defaultPreferenceProjection: Projection<DefaultPreferenceDocument> = {
  name: 'default_preferences.v1',
  collection: DEFAULTS_COLLECTION,
  indexes: [{ fields: ['preference_id'] }],
  streamPrefixes: ['org-', 'user-'],
  documentIds: (event) => {
    const owner = (event.data as { owner?: DefaultOwner }).owner;
    return owner ? [defaultOwnerId(owner)] : [];
  },
  apply: (_document, recorded) => {
    const event = recorded as unknown as DefaultPreferenceEvent;
    if (event.type === 'DefaultPreferenceSet') return { id: defaultOwnerId(event.data.owner), preference_id: event.data.preference_id };
    return event.type === 'DefaultPreferenceCleared' ? null : _document;
  },
};
