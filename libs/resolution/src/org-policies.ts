import { OrgKeyPolicy, OrgKeyPolicyEvent, policyOf } from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';

/** An org's policy as resolve holds it (and the snapshot keeps it). */
export interface PolicyEntry {
  /** Null when the policy binds only writes (`new_keys`): resolve has nothing to check. */
  readonly enforced: OrgKeyPolicy | null;
  readonly revision: number;
}

/** The orgs' key policies, as far as resolve enforces them: only `all_keys` ones. */
export class OrgPolicies {
  private readonly byOrg = new Map<string, PolicyEntry>();
  /** How many orgs enforce theirs at resolve: while none does, a request looks nothing up. */
  private enforcing = 0;

  /** Folds one policy event; an event already folded (by the org stream's revision) is skipped. */
  apply(event: RecordedEvent & OrgKeyPolicyEvent): void {
    const { org_id } = event.data;
    const current = this.byOrg.get(org_id);
    if (current !== undefined && event.revision <= current.revision) return;
    this.set(org_id, policyEntryAfter(event));
  }

  /** Puts back an org's policy from a snapshot. */
  restore(orgId: string, entry: PolicyEntry): void {
    this.set(orgId, entry);
  }

  /** The `all_keys` policy an org key must keep at resolve, or null. */
  enforcedOn(orgId: string | null): OrgKeyPolicy | null {
    if (orgId === null || this.enforcing === 0) return null;
    return this.byOrg.get(orgId)?.enforced ?? null;
  }

  private set(orgId: string, entry: PolicyEntry): void {
    const enforcedBefore = (this.byOrg.get(orgId)?.enforced ?? null) !== null;
    this.enforcing += Number(entry.enforced !== null) - Number(enforcedBefore);
    this.byOrg.set(orgId, entry);
  }
}

/** The entry an org's policy event leaves. */
export function policyEntryAfter(event: RecordedEvent & OrgKeyPolicyEvent): PolicyEntry {
  const policy = policyOf(event);
  return { enforced: policy.enforcement === 'all_keys' ? policy : null, revision: event.revision };
}
