import { Key, LimitReset, UpdateKeyRequest } from '@keyledger/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { ErrorNote } from '../components/status';
import { useClient } from '../session/session-context';

/** `2026-06-01T09:30` in the viewer's zone, as a datetime-local input holds it. */
const localInput = (iso: string | null): string => {
  if (iso === null) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** Renames a key and changes its limit and expiry, in one write guarded by its ETag. */
export function KeyEditForm({
  keyView,
  etag,
}: {
  readonly keyView: Key;
  readonly etag: string | null;
}) {
  const client = useClient();
  const queries = useQueryClient();
  const [name, setName] = useState(keyView.name);
  const [limit, setLimit] = useState(keyView.limit === null ? '' : String(keyView.limit));
  const [reset, setReset] = useState<'' | LimitReset>(keyView.limit_reset ?? '');
  const [byok, setByok] = useState(keyView.include_byok_in_limit);
  const [expires, setExpires] = useState(localInput(keyView.expires_at));
  const save = useMutation({
    mutationFn: (patch: UpdateKeyRequest) =>
      client.keys.update(keyView.id, patch, { ifMatch: etag }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['keys'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      name,
      limit: limit === '' ? null : Number(limit),
      limit_reset: reset === '' ? null : reset,
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
        />
      </label>
      <div className="row">
        <label>
          Limit (credits, empty: none)
          <input
            type="number"
            min={0}
            step="any"
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
            disabled={keyView.revoked}
          />
        </label>
        <label>
          Resets
          <select
            value={reset}
            onChange={(e) => setReset(e.target.value as '' | LimitReset)}
            disabled={keyView.revoked}
          >
            <option value="">never</option>
            <option value="daily">daily</option>
            <option value="weekly">weekly</option>
            <option value="monthly">monthly</option>
          </select>
        </label>
      </div>
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
        />
      </label>
      {save.error && <ErrorNote error={save.error} />}
      {save.isSuccess && <p role="status">Saved.</p>}
      <button type="submit" className="primary" disabled={save.isPending || keyView.revoked}>
        Save changes
      </button>
    </form>
  );
}
