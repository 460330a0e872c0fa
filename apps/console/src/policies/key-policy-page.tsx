import { useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, Fragment, useId, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { Section } from '../components/section';
import { Empty, QueryView } from '../components/status';
import { Time } from '../components/time';
import { useClient, useSession } from '../session/session-context';
import { KeyPolicyForm } from './key-policy-form';
import { PolicyChanges } from './policy-changes';
import { policyRules } from './policy-draft';

const policyPath = (orgId: string) => `/key-policy/${encodeURIComponent(orgId)}`;

/** Opens another org's policy: the token's orgs are offered, any id can be typed. */
function OrgPicker({ current }: { readonly current: string }) {
  const { claims } = useSession();
  const navigate = useNavigate();
  const listId = useId();
  const [org, setOrg] = useState(current);
  const open = (event: FormEvent) => {
    event.preventDefault();
    if (org.trim() !== '') void navigate(policyPath(org.trim()));
  };
  return (
    <form className="filters" onSubmit={open} aria-label="Choose an organization">
      <label>
        Organization
        <input
          required
          list={listId}
          value={org}
          onChange={(e) => setOrg(e.target.value)}
          autoComplete="off"
        />
      </label>
      <datalist id={listId}>
        {claims.orgs.map((membership) => (
          <option key={membership.id} value={membership.id} />
        ))}
      </datalist>
      <button type="submit">Open</button>
    </form>
  );
}

/** One org's policy: its rules in words, and the form for those who may change it. */
function PolicyView({ orgId }: { readonly orgId: string }) {
  const client = useClient();
  const queries = useQueryClient();
  const { claims } = useSession();
  // The position of this session's last save: the changes list reads at least that far.
  const [saved, setSaved] = useState<{ position: number | null } | null>(null);
  const queryKey = ['key-policy', orgId];
  const policy = useQuery({ queryKey, queryFn: () => client.keyPolicies.get(orgId) });
  // What the token grants decides what is offered; the service decides every write again.
  const canManage = claims.orgs.some(
    (membership) => membership.id === orgId && membership.permissions.includes('manageApiKeys'),
  );
  const reload = () => {
    setSaved(null);
    void queries.invalidateQueries({ queryKey });
  };
  const onSaved = (position: number | null) => {
    setSaved({ position });
    // Which keys break the policy, and whether resolve refuses them, changed with it.
    void queries.invalidateQueries({ queryKey });
    void queries.invalidateQueries({ queryKey: ['reports'] });
  };
  return (
    <QueryView query={policy} what="the key policy">
      {({ data, etag }) => (
        <>
          <div className="grid">
            <Section title={`Current policy of ${data.org_id}`}>
              <dl className="fields">
                {policyRules(data).map((rule) => (
                  <Fragment key={rule.label}>
                    <dt>{rule.label}</dt>
                    <dd>{rule.value}</dd>
                  </Fragment>
                ))}
                <dt>Last set</dt>
                <dd>{data.updated_at ? <Time value={data.updated_at} /> : 'never'}</dd>
              </dl>
              <p>
                <Link to={`/reports/policy-violations?org_id=${encodeURIComponent(data.org_id)}`}>
                  Keys that break it now
                </Link>
              </p>
            </Section>
            <Section title="Change the policy">
              {saved && <p role="status">Policy saved.</p>}
              {canManage ? (
                <KeyPolicyForm
                  key={etag ?? ''}
                  policy={data}
                  etag={etag}
                  onSaved={onSaved}
                  onReload={reload}
                />
              ) : (
                <Empty>
                  Changing it needs the manageApiKeys permission in {data.org_id}, which this
                  session does not have.
                </Empty>
              )}
            </Section>
          </div>
          <Section title="Changes">
            <PolicyChanges orgId={data.org_id} minPosition={saved?.position ?? null} />
          </Section>
        </>
      )}
    </QueryView>
  );
}

/** Org key policies: the rules an org sets for its keys (SPEC §9). */
export function KeyPolicyPage() {
  const { orgId } = useParams();
  const { claims } = useSession();
  const first = claims.activeOrg ?? claims.orgs[0]?.id;
  if (orgId === undefined && first !== undefined)
    return <Navigate to={policyPath(first)} replace />;
  return (
    <>
      <h1>Key policy</h1>
      <OrgPicker key={orgId} current={orgId ?? ''} />
      {orgId === undefined ? (
        <Empty>
          This session belongs to no organization: type the id of one to open its policy.
        </Empty>
      ) : (
        <PolicyView key={orgId} orgId={orgId} />
      )}
    </>
  );
}
