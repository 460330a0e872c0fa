import { Principal } from '@keyledger/domain';

/**
 * The audiences a principal can see keys of: its own personal keys (`user:<id>`) and the org
 * keys of its orgs (`org:<id>`). An org key's caller is confined to its own org.
 */
export function visibleAudiences(principal: Principal): string[] {
  const orgs =
    principal.kind === 'api_key' && principal.active_org_id !== null
      ? [principal.active_org_id]
      : principal.orgs.map((org) => org.id);
  return [`user:${principal.user_id}`, ...orgs.map((id) => `org:${id}`)];
}
