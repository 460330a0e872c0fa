import { checkRequiredReason } from '../keys/reason';
import { Decider } from '../shared/decider';
import { sameData } from '../shared/same-data';
import { validate } from '../shared/validation';
import {
  checkOrgKeyPolicy,
  NO_KEY_POLICY,
  OrgKeyPolicy,
  OrgKeyPolicyInput,
} from './org-key-policy';
import { OrgKeyPolicyEvent } from './org-key-policy.events';

/** Replace an org's key policy; the reason goes into the audit trail. */
export interface SetOrgKeyPolicy {
  readonly type: 'SetOrgKeyPolicy';
  readonly org_id: string;
  readonly policy: OrgKeyPolicyInput;
  readonly reason: unknown;
  readonly now: string;
}

/** The org's policy and when it was last set (null: never, so NO_KEY_POLICY applies). */
export interface OrgKeyPolicyState {
  readonly policy: OrgKeyPolicy;
  readonly set_at: string | null;
}

/** An org that never set a policy. */
export const initialOrgKeyPolicyState: OrgKeyPolicyState = { policy: NO_KEY_POLICY, set_at: null };

/** The policy a stored OrgKeyPolicySet holds, without its bookkeeping. */
export function policyOf({ data }: OrgKeyPolicyEvent): OrgKeyPolicy {
  const { max_lifetime_days, require_limit, allowed_scopes, require_ip_allowlist, enforcement } =
    data;
  return {
    max_lifetime_days,
    require_limit,
    allowed_scopes,
    require_ip_allowlist,
    enforcement,
    // Policies set before leaked-key actions existed leave it to the deployment.
    leaked_key_action: data.leaked_key_action ?? null,
    // Policies set before limit alerts existed name no default thresholds.
    default_alert_thresholds: data.default_alert_thresholds ?? [],
  };
}

/** One policy per org, guarded by the org stream's expected revision. */
export const orgKeyPolicyDecider: Decider<SetOrgKeyPolicy, OrgKeyPolicyEvent, OrgKeyPolicyState> = {
  initialState: initialOrgKeyPolicyState,
  evolve: (state, event) =>
    // The org stream also holds its default routing preference: those events change no policy.
    event.type === 'OrgKeyPolicySet'
      ? { policy: policyOf(event), set_at: event.data.set_at }
      : state,
  decide: (command, state) => {
    const { policy, reason } = validate((errors) => ({
      policy: checkOrgKeyPolicy(errors, command.policy),
      reason: checkRequiredReason(errors, command.reason),
    }));
    if (state.set_at !== null && sameData(policy, state.policy)) return [];
    return [
      {
        type: 'OrgKeyPolicySet',
        data: { org_id: command.org_id, ...policy, reason, set_at: command.now },
      },
    ];
  },
};
