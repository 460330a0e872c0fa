import { PreferenceScope, RoutingRules } from '@keyledger/domain';
import { Audience } from '../shared/audience';
import { CollectionSpec } from '../store/read-store.port';

/** A shared routing preference as listed, fetched and resolved; deleted ones stay, flagged, so history can name them. */
export interface RoutingPreferenceDocument extends RoutingRules {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly scope: PreferenceScope;
  readonly author_user_id: string;
  readonly org_id: string | null;
  /** Who may see it: its author for a personal preference, the org's members for a team one. */
  readonly audience: Audience;
  readonly enabled: boolean;
  /** Whether it is its owner's default: the org's for a team preference, the author's for a personal one. */
  readonly is_default: boolean;
  readonly deleted: boolean;
  readonly created_at: string;
  /** When the last event about the preference (its default status included) happened. */
  readonly updated_at: string;
  readonly deleted_at: string | null;
}

/** The routing preferences collection, indexed for listing by audience. */
export const ROUTING_PREFERENCE_DOCUMENTS: CollectionSpec<RoutingPreferenceDocument> = {
  name: 'routing_preferences',
  indexes: [{ fields: ['audience', 'deleted', 'created_at'] }],
};
