import { UpdateKeyRequest } from '@keyledger/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { FieldProblems, useFieldProblems } from '../components/field-problems';
import { useClient } from '../session/session-context';
import { KeyViewProps } from './key-view-props';
import { KeyWriteError } from './key-write-error';
import { LimitDraft, LimitFields, limitFields } from './limit-fields';

/** `2026-06-01T09:30` in the viewer's zone, as a datetime-local input holds it. */
const localInput = (iso: string | null): string => {
  if (iso === null) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * Renames a key and changes its limit and expiry, in one write guarded by its ETag. An org
 * policy's refusal shows beside the field its rule concerns: the lifetime cap by the expiry, the
 * required limit by the limit.
 */
export function KeyEditForm({ keyView, etag }: KeyViewProps) {
  const client = useClient();
  const queries = useQueryClient();
  const [name, setName] = useState(keyView.name);
  const [limit, setLimit] = useState<LimitDraft>({
    limit: keyView.limit === null ? '' : String(keyView.limit),
    reset: keyView.limit_reset ?? '',
  });
  const [byok, setByok] = useState(keyView.include_byok_in_limit);
  const [expires, setExpires] = useState(localInput(keyView.expires_at));
  const save = useMutation({
    mutationFn: (patch: UpdateKeyRequest) =>
      client.keys.update(keyView.id, patch, { ifMatch: etag }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['keys'] }),
  });
  const { field, shown } = useFieldProblems(save.error);
  const nameField = field('name');
  const limitField = field('limit', 'limit_reset', 'require_limit');
  const expiry = field('expires_at', 'max_lifetime_days');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      name,
      ...limitFields(limit),
      include_byok_in_limit: byok,
      expires_at: expires === '' ? null : new Date(expires).toISOString(),
    });
  };
  return (
    <form className="stack" onSubmit={submit} aria-label="Edit key">
      <label>
        Name
        <input
          required
          maxLength={128}
          value={name}
          onChange={(e) => setName(e.target.value)}
          disabled={keyView.revoked}
          {...nameField.input}
        />
      </label>
      <FieldProblems id={nameField.id} problems={nameField.problems} />
      <LimitFields
        value={limit}
        onChange={setLimit}
        disabled={keyView.revoked}
        invalid={limitField.input}
      />
      <FieldProblems id={limitField.id} problems={limitField.problems} />
      <label className="inline">
        <input
          type="checkbox"
          checked={byok}
          onChange={(e) => setByok(e.target.checked)}
          disabled={keyView.revoked}
        />
        Count usage on the customer&apos;s own provider keys (BYOK)
      </label>
      <label>
        Expires (empty: never)
        <input
          type="datetime-local"
          value={expires}
          onChange={(e) => setExpires(e.target.value)}
          disabled={keyView.revoked}
          {...expiry.input}
        />
      </label>
      <FieldProblems id={expiry.id} problems={expiry.problems} />
      {save.error && <KeyWriteError keyId={keyView.id} error={save.error} shownInline={shown} />}
      {save.isSuccess && <p role="status">Saved.</p>}
      <button type="submit" className="primary" disabled={save.isPending || keyView.revoked}>
        Save changes
      </button>
    </form>
  );
}
