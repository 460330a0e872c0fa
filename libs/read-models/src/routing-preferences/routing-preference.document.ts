import { PreferenceScope, RoutingRules } from '@keyledger/domain';

/** A shared routing preference as listed, fetched and resolved. */
export interface RoutingPreferenceDocument extends RoutingRules {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly scope: PreferenceScope;
  readonly author_user_id: string;
  readonly org_id: string | null;
  /** Who may see it: `user:<author>` for personal, `org:<org>` for team preferences. */
  readonly audience: string;
  readonly enabled: boolean;
  readonly deleted: boolean;
  readonly created_at: string;
  readonly updated_at: string;
}

/** An owner's default preference: id `org:<id>` or `user:<id>`. */
export interface DefaultPreferenceDocument {
  readonly id: string;
  readonly preference_id: string;
}
