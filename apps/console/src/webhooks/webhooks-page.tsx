import { KeyOwnership, Webhook, WEBHOOK_EVENT_TYPES, WebhookEventType } from '@keyledger/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Dialog } from '../components/dialog';
import { SecretReveal } from '../components/secret-reveal';
import { Empty, ErrorNote, QueryView } from '../components/status';
import { Time } from '../components/time';
import { useClient } from '../session/session-context';
import { DeliveryLog } from './delivery-log';

/** Subscribes an endpoint to the chosen events. */
function CreateWebhookForm({ onCreated }: { readonly onCreated: (secret: string) => void }) {
  const client = useClient();
  const queries = useQueryClient();
  const [url, setUrl] = useState('');
  const [types, setTypes] = useState<WebhookEventType[]>([
    'key.created',
    'key.disabled',
    'key.revoked',
  ]);
  const [scope, setScope] = useState<KeyOwnership>('personal');
  const create = useMutation({
    mutationFn: () => client.webhooks.create({ url, event_types: types, scope }),
    onSuccess: async (created) => {
      setUrl('');
      await queries.invalidateQueries({ queryKey: ['webhooks'] });
      onCreated(created.secret);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="panel stack" onSubmit={submit} aria-label="New webhook">
      <h2>New webhook</h2>
      <div className="row">
        <label className="grow">
          Endpoint URL (https)
          <input
            type="url"
            required
            value={url}
            placeholder="https://hooks.example.com/keyledger"
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        <label>
          Owner
          <select value={scope} onChange={(e) => setScope(e.target.value as KeyOwnership)}>
            <option value="personal">personal</option>
            <option value="org">my active org</option>
          </select>
        </label>
      </div>
      <fieldset>
        <legend>Events</legend>
        <div className="checks">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="inline">
              <input
                type="checkbox"
                checked={types.includes(type)}
                onChange={(e) =>
                  setTypes(e.target.checked ? [...types, type] : types.filter((t) => t !== type))
                }
              />
              {type}
            </label>
          ))}
        </div>
      </fieldset>
      {create.error && <ErrorNote error={create.error} />}
      <button type="submit" className="primary" disabled={create.isPending || types.length === 0}>
        Create webhook
      </button>
    </form>
  );
}

/** One subscription's row actions: pause or resume, rotate the secret, delete, show deliveries. */
function WebhookRow({
  hook,
  onSecret,
}: {
  readonly hook: Webhook;
  readonly onSecret: (secret: string) => void;
}) {
  const client = useClient();
  const queries = useQueryClient();
  const [showLog, setShowLog] = useState(false);
  const refresh = () => queries.invalidateQueries({ queryKey: ['webhooks'] });
  const toggle = useMutation({
    mutationFn: () => client.webhooks.update(hook.id, { enabled: !hook.enabled }),
    onSuccess: refresh,
  });
  const rotate = useMutation({
    mutationFn: () => client.webhooks.rotateSecret(hook.id),
    onSuccess: async (rotated) => {
      await refresh();
      onSecret(rotated.secret);
    },
  });
  const remove = useMutation({
    mutationFn: () => client.webhooks.delete(hook.id),
    onSuccess: refresh,
  });
  const error = toggle.error ?? rotate.error ?? remove.error;
  return (
    <li className="panel webhook">
      <div className="page-title">
        <h3 className="wrap">{hook.url}</h3>
        <span className={`badge badge-${hook.enabled ? 'ok' : 'off'}`}>
          {hook.enabled ? 'active' : 'paused'}
        </span>
      </div>
      <p className="muted">
        {hook.event_types.join(', ')} · secret v{hook.secret_version} ·{' '}
        {hook.scope === 'org' ? `org ${hook.org_id}` : 'personal'} · created{' '}
        <Time value={hook.created_at} />
      </p>
      <div className="row">
        <button type="button" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
          {hook.enabled ? 'Pause' : 'Resume'}
        </button>
        <button type="button" onClick={() => rotate.mutate()} disabled={rotate.isPending}>
          Rotate secret
        </button>
        <button type="button" onClick={() => setShowLog(!showLog)} aria-expanded={showLog}>
          {showLog ? 'Hide deliveries' : 'Show deliveries'}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => remove.mutate()}
          disabled={remove.isPending}
        >
          Delete
        </button>
      </div>
      {error && <ErrorNote error={error} />}
      {showLog && <DeliveryLog webhookId={hook.id} />}
    </li>
  );
}

/** Webhook subscriptions: create (secret shown once), pause and resume, rotate, delivery log. */
export function WebhooksPage() {
  const client = useClient();
  const [secret, setSecret] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['webhooks'], queryFn: () => client.webhooks.list() });
  return (
    <>
      <h1>Webhooks</h1>
      <CreateWebhookForm onCreated={setSecret} />
      <QueryView query={list} what="webhooks">
        {({ data }) =>
          data.length === 0 ? (
            <Empty>No subscription yet.</Empty>
          ) : (
            <ul className="webhooks" aria-label="Subscriptions">
              {data.map((hook) => (
                <WebhookRow key={hook.id} hook={hook} onSecret={setSecret} />
              ))}
            </ul>
          )
        }
      </QueryView>
      <Dialog title="Signing secret" open={secret !== null} onClose={() => setSecret(null)}>
        {secret && <SecretReveal secret={secret} what="signing secret" />}
        <p className="muted">Verify each delivery&apos;s X-Keyledger-Signature with it.</p>
        <button type="button" className="primary" onClick={() => setSecret(null)}>
          Done
        </button>
      </Dialog>
    </>
  );
}
