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

  /** Folds one policy event; an event already folded (by the org stream's revision) is skipped. */
  apply(event: RecordedEvent & OrgKeyPolicyEvent): void {
    const { org_id } = event.data;
    const current = this.byOrg.get(org_id);
    if (current !== undefined && event.revision <= current.revision) return;
    this.byOrg.set(org_id, policyEntryAfter(event));
  }

  /** Puts back an org's policy from a snapshot. */
  restore(orgId: string, entry: PolicyEntry): void {
    this.byOrg.set(orgId, entry);
  }

  /** The `all_keys` policy an org key must keep at resolve, or null. */
  enforcedOn(orgId: string | null): OrgKeyPolicy | null {
    return orgId === null ? null : (this.byOrg.get(orgId)?.enforced ?? null);
  }
}

/** The entry an org's policy event leaves. */
export function policyEntryAfter(event: RecordedEvent & OrgKeyPolicyEvent): PolicyEntry {
  const policy = policyOf(event);
  return { enforced: policy.enforcement === 'all_keys' ? policy : null, revision: event.revision };
}
