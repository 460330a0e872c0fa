import {
  DefaultPreferenceEvent,
  RoutingPreferenceCreated,
  RoutingPreferenceEvent,
  routingPreferenceStream,
} from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';
import { isDefaultPreferenceEvent } from '../defaults/is-default-preference-event';
import { OWNER_STREAM_PREFIXES } from '../defaults/owner-stream-prefixes';
import { Projection } from '../projection/projection';
import { streamCategory } from '../projection/stream-category';
import { orgAudience, userAudience } from '../shared/audience';
import { isRoutingPreferenceEvent } from './is-routing-preference-event';
import {
  ROUTING_PREFERENCE_DOCUMENTS,
  RoutingPreferenceDocument,
} from './routing-preference.document';

/**
 * Preference documents, `is_default` included: it also follows the owners' default events, so a
 * list is one indexed query with no join, and a promotion flips the new and the demoted preference.
 */
export const routingPreferenceProjection: Projection<RoutingPreferenceDocument> = {
  name: 'routing_preferences.v1',
  collection: ROUTING_PREFERENCE_DOCUMENTS,
  streamPrefixes: [streamCategory(routingPreferenceStream), ...OWNER_STREAM_PREFIXES],
  documentIds: (event) => {
    if (isRoutingPreferenceEvent(event)) return [event.data.preference_id];
    if (!isDefaultPreferenceEvent(event)) return [];
    if (event.type === 'DefaultPreferenceCleared') return [event.data.preference_id];
    const { preference_id, previous_preference_id } = event.data;
    return previous_preference_id === null
      ? [preference_id]
      : [preference_id, previous_preference_id];
  },
  apply: (document, event) => {
    if (isRoutingPreferenceEvent(event)) {
      if (event.type === 'RoutingPreferenceCreated') return createdPreference(event);
      return document && changedPreference(document, event);
    }
    return document && isDefaultPreferenceEvent(event) ? withDefault(document, event) : document;
  },
};

function createdPreference(
  event: RecordedEvent & RoutingPreferenceCreated,
): RoutingPreferenceDocument {
  const { data } = event;
  return {
    id: data.preference_id,
    name: data.name,
    description: data.description,
    scope: data.scope,
    author_user_id: data.author_user_id,
    org_id: data.org_id,
    audience:
      data.scope === 'team' && data.org_id !== null
        ? orgAudience(data.org_id)
        : userAudience(data.author_user_id),
    rules: data.rules,
    examples: data.examples,
    confidence_floor_overrides: data.confidence_floor_overrides,
    enabled: data.enabled,
    is_default: false,
    deleted: false,
    created_at: data.created_at,
    updated_at: event.metadata.occurred_at,
    deleted_at: null,
  };
}

function changedPreference(
  preference: RoutingPreferenceDocument,
  event: RecordedEvent & Exclude<RoutingPreferenceEvent, RoutingPreferenceCreated>,
): RoutingPreferenceDocument {
  const change = (fields: Partial<RoutingPreferenceDocument>): RoutingPreferenceDocument => ({
    ...preference,
    ...fields,
    updated_at: event.metadata.occurred_at,
  });
  switch (event.type) {
    case 'RoutingPreferenceUpdated': {
      // An update names only what it replaces; the rest stays.
      const { name, description, rules, examples, confidence_floor_overrides } = event.data;
      return change({
        ...(name !== undefined && { name }),
        ...(description !== undefined && { description }),
        ...(rules !== undefined && { rules }),
        ...(examples !== undefined && { examples }),
        ...(confidence_floor_overrides !== undefined && { confidence_floor_overrides }),
      });
    }
    case 'RoutingPreferenceEnabled':
      return change({ enabled: true });
    case 'RoutingPreferenceDisabled':
      return change({ enabled: false });
    case 'RoutingPreferenceDeleted':
      return change({ deleted: true, deleted_at: event.data.deleted_at });
  }
}

function withDefault(
  preference: RoutingPreferenceDocument,
  event: RecordedEvent & DefaultPreferenceEvent,
): RoutingPreferenceDocument {
  const is_default =
    event.type === 'DefaultPreferenceSet' && event.data.preference_id === preference.id;
  return { ...preference, is_default, updated_at: event.metadata.occurred_at };
}
