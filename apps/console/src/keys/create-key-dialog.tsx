import { CreateKeyRequest, KeyOwnership } from '@keyledger/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Dialog } from '../components/dialog';
import { SecretReveal } from '../components/secret-reveal';
import { ErrorNote } from '../components/status';
import { useClient } from '../session/session-context';
import { LimitDraft, LimitFields, limitFields } from './limit-fields';

const SCOPES = ['completions', 'skills', 'billing', 'management'] as const;

/** The form's fields as typed; turned into a create request on submit. */
interface Draft {
  name: string;
  ownership: KeyOwnership;
  org: string;
  scopes: string[];
  limit: string;
  reset: LimitDraft['reset'];
  expires: string;
}

const EMPTY: Draft = {
  name: '',
  ownership: 'personal',
  org: '',
  scopes: ['completions', 'skills'],
  limit: '',
  reset: '',
  expires: '',
};

function createRequest(draft: Draft): CreateKeyRequest {
  return {
    name: draft.name,
    scope: draft.ownership,
    ...(draft.ownership === 'org' && draft.org.trim() !== '' ? { org_id: draft.org.trim() } : {}),
    scopes: draft.scopes,
    ...limitFields(draft),
    expires_at: draft.expires === '' ? null : new Date(draft.expires).toISOString(),
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
            />
          </label>
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
              <input value={draft.org} onChange={(e) => set('org', e.target.value)} />
            </label>
          )}
          <fieldset>
            <legend>Scopes</legend>
            {SCOPES.map((scope) => (
              <label key={scope} className="inline">
                <input
                  type="checkbox"
                  checked={draft.scopes.includes(scope)}
                  onChange={(e) =>
                    set(
                      'scopes',
                      e.target.checked
                        ? [...draft.scopes, scope]
                        : draft.scopes.filter((s) => s !== scope),
                    )
                  }
                />
                {scope}
              </label>
            ))}
          </fieldset>
          <LimitFields
            value={{ limit: draft.limit, reset: draft.reset }}
            onChange={(limit) => setDraft({ ...draft, ...limit })}
          />
          <label>
            Expires (empty: never)
            <input
              type="datetime-local"
              value={draft.expires}
              onChange={(e) => set('expires', e.target.value)}
            />
          </label>
          {create.error && <ErrorNote error={create.error} />}
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create key'}
          </button>
        </form>
      )}
    </Dialog>
  );
}
