import { OrgKeyPolicy } from './org-key-policy';

/**
 * The org's key policy was replaced (a whole policy, not a patch). Lives on the org's stream
 * `org-<id>`, beside its default routing preference.
 */
export interface OrgKeyPolicySet {
  readonly type: 'OrgKeyPolicySet';
  readonly data: Omit<OrgKeyPolicy, 'leaked_key_action'> & {
    /** Absent in events written before leaked-key actions: null. */
    readonly leaked_key_action?: OrgKeyPolicy['leaked_key_action'];
    readonly org_id: string;
    readonly reason: string;
    readonly set_at: string;
  };
}

/** Every fact about an org's key policy. */
export type OrgKeyPolicyEvent = OrgKeyPolicySet;

/** The stream of one org: its key policy and its default routing preference. */
export const orgStream = (orgId: string): string => `org-${orgId}`;
