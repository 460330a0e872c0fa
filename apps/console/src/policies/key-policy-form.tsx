import { FieldError, KeyPolicy, KeyPolicyEnforcement, LeakedKeyAction } from '@keyledger/client';
import { LEAKED_KEY_ACTIONS } from '@keyledger/domain/keys/key-leak';
import { REASON_MAX } from '@keyledger/domain/keys/reason';
import { KEY_POLICY_ENFORCEMENTS } from '@keyledger/domain/org-key-policy/org-key-policy';
import { useMutation } from '@tanstack/react-query';
import { FormEvent, useId, useState } from 'react';
import { Check, ScopeChecks } from '../components/check';
import { FieldProblems, useFieldProblems } from '../components/field-problems';
import { WriteError } from '../components/write-error';
import { useClient } from '../session/session-context';
import {
  ENFORCEMENT_TEXT,
  LEAKED_KEY_ACTION_TEXT,
  PolicyDraft,
  policyDraft,
  policyProblems,
  policyRequest,
} from './policy-draft';

/**
 * Replaces an org's key policy: every rule, the enforcement and a reason, in one PUT guarded by
 * the ETag it was read with. The service's refusals show beside the field they name.
 */
export function KeyPolicyForm({
  policy,
  etag,
  onSaved,
  onReload,
}: {
  readonly policy: KeyPolicy;
  readonly etag: string | null;
  /** Called with the write's position, for reads that must include it. */
  readonly onSaved: (position: number | null) => void;
  readonly onReload: () => void;
}) {
  const client = useClient();
  const ids = useId();
  const [draft, setDraft] = useState<PolicyDraft>(() => policyDraft(policy));
  const [local, setLocal] = useState<readonly FieldError[]>([]);
  const save = useMutation({
    mutationFn: () =>
      client.keyPolicies.set(policy.org_id, policyRequest(draft), { ifMatch: etag }),
    onSuccess: (answer) => onSaved(answer.position),
  });
  const set = <K extends keyof PolicyDraft>(field: K, value: PolicyDraft[K]) =>
    setDraft({ ...draft, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = policyProblems(draft);
    setLocal(problems);
    // A draft refused here is not sent: the last answer's refusal would be stale beside it.
    if (problems.length === 0) save.mutate();
    else save.reset();
  };
  const { field, shown } = useFieldProblems(save.error, local);
  const lifetime = field('max_lifetime_days');
  const scopes = field('allowed_scopes');
  const reason = field('reason');
  const tightening = draft.enforcement === 'all_keys' && policy.enforcement !== 'all_keys';
  return (
    <form className="stack" onSubmit={submit} aria-label="Edit key policy">
      <label>
        Maximum key lifetime in days (1–3650; empty: no cap)
        <input
          inputMode="numeric"
          value={draft.maxLifetimeDays}
          onChange={(e) => set('maxLifetimeDays', e.target.value)}
          {...lifetime.input}
        />
      </label>
      <FieldProblems id={lifetime.id} problems={lifetime.problems} />
      <Check
        label="Every key must have a credit limit"
        checked={draft.requireLimit}
        onChange={(on) => set('requireLimit', on)}
      />
      <Check
        label="Every key must have an IP allowlist"
        checked={draft.requireIpAllowlist}
        onChange={(on) => set('requireIpAllowlist', on)}
      />
      <fieldset aria-describedby={scopes.problems.length > 0 ? scopes.id : undefined}>
        <legend>Scopes</legend>
        <Check
          label="Only these scopes:"
          checked={draft.restrictScopes}
          onChange={(on) => set('restrictScopes', on)}
        />
        <ScopeChecks
          selected={draft.allowedScopes}
          disabled={!draft.restrictScopes}
          onChange={(scopes) => set('allowedScopes', scopes)}
        />
        <FieldProblems id={scopes.id} problems={scopes.problems} />
      </fieldset>
      <fieldset>
        <legend>Enforcement</legend>
        {KEY_POLICY_ENFORCEMENTS.map((enforcement: KeyPolicyEnforcement) => (
          <label key={enforcement} className="inline">
            <input
              type="radio"
              name={`${ids}-enforcement`}
              value={enforcement}
              checked={draft.enforcement === enforcement}
              onChange={() => set('enforcement', enforcement)}
            />
            {ENFORCEMENT_TEXT[enforcement]}
          </label>
        ))}
      </fieldset>
      <label>
        When a leak of a key is reported
        <select
          value={draft.leakedKeyAction ?? ''}
          onChange={(e) =>
            set(
              'leakedKeyAction',
              e.target.value === '' ? null : (e.target.value as LeakedKeyAction),
            )
          }
        >
          <option value="">{LEAKED_KEY_ACTION_TEXT.default}</option>
          {LEAKED_KEY_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {LEAKED_KEY_ACTION_TEXT[action]}
            </option>
          ))}
        </select>
      </label>
      {tightening && (
        <p className="warning">
          Once saved, this org&apos;s keys that break the policy stop resolving at once. The policy
          violations report lists them.
        </p>
      )}
      <label>
        Reason (kept in the audit trail)
        <input
          required
          maxLength={REASON_MAX}
          value={draft.reason}
          onChange={(e) => set('reason', e.target.value)}
          {...reason.input}
        />
      </label>
      <FieldProblems id={reason.id} problems={reason.problems} />
      {save.error && (
        <WriteError error={save.error} what="this policy" onReload={onReload} shownInline={shown} />
      )}
      <button type="submit" className="primary" disabled={save.isPending}>
        Save policy
      </button>
    </form>
  );
}
