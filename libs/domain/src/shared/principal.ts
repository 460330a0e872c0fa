/** An organization membership as the identity provider's token states it. */
export interface OrgMembership {
  readonly id: string;
  readonly permissions: readonly string[];
}

/** Org permission to create and administer the org's keys. */
export const MANAGE_API_KEYS = 'manageApiKeys';
/** Org permission to create and administer the org's team routing preferences. */
export const MANAGE_ROUTING = 'manageRouting';

/**
 * Who is calling. A key caller acts for its owner, narrowed by its own scopes: it never gains
 * more than its owner has.
 */
export type Principal =
  | {
      readonly kind: 'user';
      readonly user_id: string;
      readonly active_org_id: string | null;
      readonly orgs: readonly OrgMembership[];
      readonly plan_tier: string | null;
    }
  | {
      readonly kind: 'api_key';
      readonly key_id: string;
      readonly user_id: string;
      /** The key's org for org keys: the only org it can act in. */
      readonly active_org_id: string | null;
      readonly orgs: readonly OrgMembership[];
      readonly scopes: readonly string[];
      readonly plan_tier: string | null;
    };
