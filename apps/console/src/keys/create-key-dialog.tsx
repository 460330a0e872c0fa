import { CreateKeyRequest, KeyOwnership } from '@keyledger/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ScopeChecks } from '../components/check';
import { Dialog } from '../components/dialog';
import { FieldProblems, useFieldProblems } from '../components/field-problems';
import { SecretReveal } from '../components/secret-reveal';
import { ErrorNote } from '../components/status';
import { useClient } from '../session/session-context';
import { LimitDraft, LimitFields, limitFields } from './limit-fields';
import { allowlistEntries } from './restriction-draft';

/** The form's fields as typed; turned into a create request on submit. */
interface Draft {
  name: string;
  ownership: KeyOwnership;
  org: string;
  scopes: readonly string[];
  limit: string;
  reset: LimitDraft['reset'];
  expires: string;
  /** One address or CIDR per line. */
  allowedIps: string;
}

const EMPTY: Draft = {
  name: '',
  ownership: 'personal',
  org: '',
  scopes: ['completions', 'skills'],
  limit: '',
  reset: '',
  expires: '',
  allowedIps: '',
};

function createRequest(draft: Draft): CreateKeyRequest {
  return {
    name: draft.name,
    scope: draft.ownership,
    ...(draft.ownership === 'org' && draft.org.trim() !== '' ? { org_id: draft.org.trim() } : {}),
    scopes: draft.scopes,
    ...limitFields(draft),
    // Left out when blank: under an org policy with a maximum lifetime the service then gives
    // the latest expiry it allows (null would ask for "never", which such a policy refuses).
    ...(draft.expires === '' ? {} : { expires_at: new Date(draft.expires).toISOString() }),
    ...(draft.allowedIps.trim() === '' ? {} : { allowed_ips: allowlistEntries(draft.allowedIps) }),
  };
}

/** Creates a key; the secret is shown once, in this dialog, and never again. */
export function CreateKeyDialog({
  open,
  onClose,
}: {
  readonly open: boolean;
  readonly onClose: () => void;
}) {
  const client = useClient();
  const queries = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const create = useMutation({
    mutationFn: (body: CreateKeyRequest) =>
      client.keys.create(body, { idempotencyKey: crypto.randomUUID() }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['keys'] }),
  });
  const close = () => {
    create.reset();
    setDraft(EMPTY);
    onClose();
  };
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) =>
    setDraft({ ...draft, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(createRequest(draft));
  };
  const { field, shown } = useFieldProblems(create.error);
  const nameField = field('name');
  const orgField = field('org_id', 'scope');
  const scopesField = field('scopes', 'allowed_scopes');
  const limitField = field('limit', 'limit_reset', 'require_limit');
  const expiry = field('expires_at', 'max_lifetime_days');
  const allowlist = field('allowed_ips', 'require_ip_allowlist');
  const created = create.data;
  return (
    <Dialog title={created ? 'Key created' : 'Create a key'} open={open} onClose={close}>
      {created?.secret ? (
        <div className="stack">
          <SecretReveal secret={created.secret} what="secret" />
          {created.data && (
            <p>
              <Link to={`/keys/${created.data.id}`} onClick={close}>
                Open {created.data.name}
              </Link>
            </p>
          )}
          <button type="button" className="primary" onClick={close}>
            Done
          </button>
        </div>
      ) : (
        <form className="stack" onSubmit={submit}>
          <label>
            Name
            <input
              required
              maxLength={128}
              value={draft.name}
              onChange={(e) => set('name', e.target.value)}
              {...nameField.input}
            />
          </label>
          <FieldProblems id={nameField.id} problems={nameField.problems} />
          <fieldset>
            <legend>Owner</legend>
            <label className="inline">
              <input
                type="radio"
                name="ownership"
                checked={draft.ownership === 'personal'}
                onChange={() => set('ownership', 'personal')}
              />
              Personal (only me)
            </label>
            <label className="inline">
              <input
                type="radio"
                name="ownership"
                checked={draft.ownership === 'org'}
                onChange={() => set('ownership', 'org')}
              />
              Organization
            </label>
          </fieldset>
          {draft.ownership === 'org' && (
            <label>
              Organization id (empty: your active one)
              <input
                value={draft.org}
                onChange={(e) => set('org', e.target.value)}
                {...orgField.input}
              />
            </label>
          )}
          <FieldProblems id={orgField.id} problems={orgField.problems} />
          <fieldset aria-describedby={scopesField.problems.length > 0 ? scopesField.id : undefined}>
            <legend>Scopes</legend>
            <ScopeChecks selected={draft.scopes} onChange={(scopes) => set('scopes', scopes)} />
            <FieldProblems id={scopesField.id} problems={scopesField.problems} />
          </fieldset>
          <LimitFields
            value={{ limit: draft.limit, reset: draft.reset }}
            onChange={(limit) => setDraft({ ...draft, ...limit })}
            invalid={limitField.input}
          />
          <FieldProblems id={limitField.id} problems={limitField.problems} />
          <label>
            Expires (empty: never, or the latest the org&apos;s key policy allows)
            <input
              type="datetime-local"
              value={draft.expires}
              onChange={(e) => set('expires', e.target.value)}
              {...expiry.input}
            />
          </label>
          <FieldProblems id={expiry.id} problems={expiry.problems} />
          <label>
            Allowed IPs and CIDRs, one per line (empty: any address)
            <textarea
              rows={2}
              className="mono"
              value={draft.allowedIps}
              onChange={(e) => set('allowedIps', e.target.value)}
              {...allowlist.input}
            />
          </label>
          <FieldProblems id={allowlist.id} problems={allowlist.problems} />
          {create.error && <ErrorNote error={create.error} shownInline={shown} />}
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create key'}
          </button>
        </form>
      )}
    </Dialog>
  );
}
