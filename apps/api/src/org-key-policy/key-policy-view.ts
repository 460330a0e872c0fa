import { OrgKeyPolicy } from '@keyledger/domain';
import { VersionedOrgKeyPolicy } from './org-key-policies';

/** An org's key policy as the API shows it. */
export interface KeyPolicyView extends OrgKeyPolicy {
  readonly org_id: string;
  /** When it was last set; null: never (no rule applies). */
  readonly updated_at: string | null;
}

/** The `{ data: KeyPolicy }` envelope of both policy routes. */
export interface KeyPolicyEnvelope {
  readonly data: KeyPolicyView;
}

/** The view of an org's policy. */
export const toKeyPolicyView = (orgId: string, state: VersionedOrgKeyPolicy): KeyPolicyView => ({
  org_id: orgId,
  ...state.policy,
  updated_at: state.set_at,
});
