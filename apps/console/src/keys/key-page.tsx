import { Key } from '@keyledger/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { KeyStateBadges } from '../components/badges';
import { Section } from '../components/section';
import { ErrorNote, QueryView } from '../components/status';
import { Time } from '../components/time';
import { useClient } from '../session/session-context';
import { KeyActions } from './key-actions';
import { KeyEditForm } from './key-edit-form';
import { KeyHistoryTimeline } from './key-history';
import { KeyRestrictionsForm } from './key-restrictions-form';
import { KeyRouting } from './key-routing';
import { KeyUsageChart } from './key-usage-chart';

/** The limit, its window, what is used and what remains, and a reset with its reason. */
function KeyLimits({ keyView }: { readonly keyView: Key }) {
  const client = useClient();
  const queries = useQueryClient();
  const [reason, setReason] = useState('');
  const reset = useMutation({
    mutationFn: () => client.keys.resetLimit(keyView.id, { reason }),
    onSuccess: () => {
      setReason('');
      return queries.invalidateQueries({ queryKey: ['keys'] });
    },
  });
  if (keyView.limit === null) return <p>No spending limit: this key may spend without bound.</p>;
  const used = keyView.limit - (keyView.limit_remaining ?? 0);
  return (
    <>
      <dl className="fields">
        <dt>Limit</dt>
        <dd>{keyView.limit} credits</dd>
        <dt>Window</dt>
        <dd>{keyView.limit_reset ?? 'never resets'}</dd>
        <dt>Used in the window</dt>
        <dd>{used}</dd>
        <dt>Remaining</dt>
        <dd>{keyView.limit_remaining}</dd>
        <dt>Window ends</dt>
        <dd>
          <Time value={keyView.limit_window_end} />
        </dd>
      </dl>
      <progress
        max={keyView.limit}
        value={Math.min(used, keyView.limit)}
        aria-label="Share of the limit used"
      />
      {!keyView.revoked && (
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            reset.mutate();
          }}
        >
          <label>
            Reason for a reset
            <input
              required
              value={reason}
              maxLength={512}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <button type="submit" disabled={reset.isPending}>
            Reset the window now
          </button>
        </form>
      )}
      {reset.error && <ErrorNote error={reset.error} />}
    </>
  );
}

/** One key: fields, editing, limits, restrictions, actions, routing, usage and history. */
export function KeyPage() {
  const { id = '' } = useParams();
  const client = useClient();
  const key = useQuery({ queryKey: ['keys', id], queryFn: () => client.keys.get(id) });
  return (
    <>
      <p>
        <Link to="/keys">← Keys</Link>
      </p>
      <QueryView query={key} what="the key">
        {({ data: keyView, etag }) => (
          <>
            <div className="page-title">
              <h1>{keyView.name}</h1>
              <KeyStateBadges keyView={keyView} />
            </div>
            <div className="grid">
              <Section title="Fields">
                <dl className="fields">
                  <dt>Id</dt>
                  <dd className="mono">{keyView.id}</dd>
                  <dt>Label</dt>
                  <dd className="mono">{keyView.label}</dd>
                  <dt>Owner</dt>
                  <dd>{keyView.owner_user_id}</dd>
                  <dt>Scope</dt>
                  <dd>{keyView.scope === 'org' ? `org ${keyView.org_id}` : 'personal'}</dd>
                  <dt>Scopes</dt>
                  <dd>{keyView.scopes.join(', ') || '—'}</dd>
                  <dt>Plan tier</dt>
                  <dd>{keyView.plan_tier ?? '—'}</dd>
                  <dt>External id</dt>
                  <dd className="mono">{keyView.external_id ?? '—'}</dd>
                  <dt>Created</dt>
                  <dd>
                    <Time value={keyView.created_at} />
                  </dd>
                  <dt>Last used</dt>
                  <dd>
                    <Time value={keyView.last_used_at} />
                  </dd>
                  <dt>Expires</dt>
                  <dd>
                    <Time value={keyView.expires_at} />
                  </dd>
                  {keyView.revoked_at && (
                    <>
                      <dt>Revoked</dt>
                      <dd>
                        <Time value={keyView.revoked_at} />
                      </dd>
                    </>
                  )}
                </dl>
              </Section>
              <Section title="Limits">
                <KeyLimits keyView={keyView} />
              </Section>
              <Section title="Edit">
                <KeyEditForm key={etag ?? ''} keyView={keyView} etag={etag} />
              </Section>
              <Section title="Restrictions">
                <KeyRestrictionsForm key={etag ?? ''} keyView={keyView} etag={etag} />
              </Section>
              <Section title="Lifecycle">
                <KeyActions keyView={keyView} etag={etag} />
              </Section>
              <Section title="Usage">
                <KeyUsageChart keyView={keyView} />
                <p className="muted">
                  All time: {keyView.usage} credits ({keyView.byok_usage} BYOK), {keyView.requests}{' '}
                  requests.
                </p>
              </Section>
              <Section title="Routing">
                <KeyRouting keyId={keyView.id} disabled={keyView.revoked} />
              </Section>
            </div>
            <Section title="History">
              <KeyHistoryTimeline keyId={keyView.id} />
            </Section>
          </>
        )}
      </QueryView>
    </>
  );
}
