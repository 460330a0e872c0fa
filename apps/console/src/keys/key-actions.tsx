import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Dialog } from '../components/dialog';
import { SecretReveal } from '../components/secret-reveal';
import { ErrorNote } from '../components/status';
import { useClient } from '../session/session-context';
import { KeyViewProps } from './key-view-props';

/** How long the old secret keeps working after a rotation. */
const GRACE_PRESETS = [
  { label: 'now', seconds: 0 },
  { label: '1 h', seconds: 3_600 },
  { label: '24 h', seconds: 86_400 },
  { label: '7 d', seconds: 604_800 },
] as const;

/** Disable or enable, rotate with a grace period, and revoke behind a typed confirmation. */
export function KeyActions({ keyView, etag }: KeyViewProps) {
  const client = useClient();
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: ['keys'] });
  const [reason, setReason] = useState('');
  const [grace, setGrace] = useState<number>(0);
  const [revoking, setRevoking] = useState(false);
  const [typed, setTyped] = useState('');
  const toggle = useMutation({
    mutationFn: () =>
      client.keys.update(
        keyView.id,
        {
          disabled: !keyView.disabled,
          ...(reason.trim() && !keyView.disabled ? { reason: reason.trim() } : {}),
        },
        { ifMatch: etag },
      ),
    onSuccess: () => {
      setReason('');
      return refresh();
    },
  });
  const rotate = useMutation({
    mutationFn: () =>
      client.keys.rotate(keyView.id, { grace_period_seconds: grace }, { ifMatch: etag }),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: () =>
      client.keys.revoke(keyView.id, { reason: reason.trim() || undefined, ifMatch: etag }),
    onSuccess: () => {
      setRevoking(false);
      return refresh();
    },
  });
  const confirmRevoke = (event: FormEvent) => {
    event.preventDefault();
    revoke.mutate();
  };
  if (keyView.revoked)
    return <p className="muted">This key is revoked: it can never be used or changed again.</p>;
  return (
    <div className="stack">
      <label>
        Reason (kept in the audit trail)
        <input value={reason} maxLength={512} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="row">
        <button type="button" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
          {keyView.disabled ? 'Enable key' : 'Disable key'}
        </button>
        <button type="button" className="danger" onClick={() => setRevoking(true)}>
          Revoke key…
        </button>
      </div>
      {toggle.error && <ErrorNote error={toggle.error} />}
      <fieldset>
        <legend>Rotate the secret: the old one keeps working for</legend>
        {GRACE_PRESETS.map((preset) => (
          <label key={preset.label} className="inline">
            <input
              type="radio"
              name="grace"
              checked={grace === preset.seconds}
              onChange={() => setGrace(preset.seconds)}
            />
            {preset.label}
          </label>
        ))}
        <button type="button" onClick={() => rotate.mutate()} disabled={rotate.isPending}>
          Rotate secret
        </button>
      </fieldset>
      {rotate.error && <ErrorNote error={rotate.error} />}
      <Dialog
        title="Secret rotated"
        open={rotate.data?.secret != null}
        onClose={() => rotate.reset()}
      >
        {rotate.data?.secret && <SecretReveal secret={rotate.data.secret} what="new secret" />}
        <button type="button" className="primary" onClick={() => rotate.reset()}>
          Done
        </button>
      </Dialog>
      <Dialog title={`Revoke ${keyView.name}?`} open={revoking} onClose={() => setRevoking(false)}>
        <form className="stack" onSubmit={confirmRevoke}>
          <p>
            Revoking is final: the secret never authenticates again and the key cannot be changed.
            Type the key&apos;s name, <strong>{keyView.name}</strong>, to confirm.
          </p>
          <label>
            Key name
            <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </label>
          {revoke.error && <ErrorNote error={revoke.error} />}
          <button
            type="submit"
            className="danger"
            disabled={typed !== keyView.name || revoke.isPending}
          >
            Revoke for good
          </button>
        </form>
      </Dialog>
    </div>
  );
}
