import { DefaultOwner } from '@keyledger/domain';
import { Audience, orgAudience, userAudience } from '../shared/audience';
import { CollectionSpec } from '../store/read-store.port';

/** An owner's default routing preference, keyed `org:<id>` or `user:<id>`. */
export interface DefaultPreferenceDocument {
  readonly id: Audience;
  readonly owner_kind: DefaultOwner['kind'];
  readonly owner_id: string;
  /** null once the default was cleared: kept rather than deleted, so replays never bring an old default back. */
  readonly preference_id: string | null;
  readonly updated_at: string;
}

/** The id of an owner's default document; request-time resolution looks up the key's org and owner by it. */
export const defaultOwnerId = (owner: DefaultOwner): Audience =>
  owner.kind === 'org' ? orgAudience(owner.org_id) : userAudience(owner.user_id);

/** The defaults collection; looked up by owner id, and by preference when one is deleted. */
export const DEFAULT_PREFERENCE_DOCUMENTS: CollectionSpec<DefaultPreferenceDocument> = {
  name: 'default_preferences',
  indexes: [{ fields: ['preference_id'] }],
};
