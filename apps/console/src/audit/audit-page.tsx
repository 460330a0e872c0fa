import { AUDIT_EVENT_TYPES, AuditEntry, AuditExportFormat } from '@keyledger/client';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { Dialog } from '../components/dialog';
import { attachmentName, downloadText } from '../components/download';
import { Empty, ErrorNote, Loading, QueryView } from '../components/status';
import { TableFrame } from '../components/table-frame';
import { Time, utcText } from '../components/time';
import { useClient } from '../session/session-context';
import { AuditFilterDraft, auditQuery, NO_AUDIT_FILTERS } from './audit-filters';
import { checkedTreeHead, checkInclusion } from './audit-integrity';

/** The latest signed tree head of the audit log, its signature checked in the browser. */
function TreeHeadPanel() {
  const client = useClient();
  const head = useQuery({
    queryKey: ['audit', 'tree-head'],
    queryFn: () => checkedTreeHead(client),
  });
  return (
    <section className="panel" aria-label="Audit tree">
      <QueryView query={head} what="the signed tree head">
        {({ head: tree, verified }) => (
          <p data-testid="tree-head">
            Signed tree head: <strong>{tree.tree_size} events</strong>, root{' '}
            <code>{tree.root_hash.slice(0, 16)}…</code>, signed{' '}
            <Time value={new Date(tree.timestamp).toISOString()} />.{' '}
            <span className={`badge badge-${verified ? 'ok' : 'bad'}`}>
              {verified ? 'signature verified here' : 'signature does NOT verify'}
            </span>
          </p>
        )}
      </QueryView>
    </section>
  );
}

/** Checks that an entry's event is in the signed tree, and says what was found. */
function InclusionCheckButton({ entry }: { readonly entry: AuditEntry }) {
  const client = useClient();
  const check = useMutation({ mutationFn: () => checkInclusion(client, entry) });
  return (
    <div className="stack">
      <button type="button" onClick={() => check.mutate()} disabled={check.isPending}>
        Verify inclusion in the signed tree
      </button>
      {check.error && <ErrorNote error={check.error} />}
      {check.data && (
        <p role="status" data-testid="inclusion">
          {check.data.included && check.data.headVerified
            ? `Included in the signed tree of ${check.data.treeSize} events: proof and signature verified here.`
            : `Not proven: ${check.data.included ? 'the head’s signature does not verify' : 'the proof does not lead to the signed root'}.`}
        </p>
      )}
    </div>
  );
}

const PAGE_SIZE = 50;

/** The entry's every field, as the drawer lists them. */
function EntryDrawer({
  entry,
  onClose,
}: {
  readonly entry: AuditEntry | null;
  readonly onClose: () => void;
}) {
  return (
    <Dialog
      title={entry ? entry.label : 'Event'}
      open={entry !== null}
      onClose={onClose}
      className="drawer"
    >
      {entry && (
        <>
          <p>{entry.summary}</p>
          <dl className="fields">
            <dt>Occurred</dt>
            <dd>
              <Time value={entry.occurred_at} />{' '}
              <span className="muted">({utcText(entry.occurred_at)})</span>
            </dd>
            <dt>Actor</dt>
            <dd>
              {entry.actor_kind} {entry.actor_id}
            </dd>
            <dt>Key</dt>
            <dd className="mono">{entry.key_id ?? '—'}</dd>
            <dt>Key owner</dt>
            <dd>{entry.key_owner_user_id ?? '—'}</dd>
            <dt>Org</dt>
            <dd>{entry.org_id ?? '—'}</dd>
            <dt>IP</dt>
            <dd>{entry.ip ?? '—'}</dd>
            <dt>User agent</dt>
            <dd className="wrap">{entry.user_agent ?? '—'}</dd>
            <dt>Request id</dt>
            <dd className="mono">{entry.request_id ?? '—'}</dd>
            <dt>Correlation id</dt>
            <dd className="mono">{entry.correlation_id ?? '—'}</dd>
            <dt>Causation id</dt>
            <dd className="mono">{entry.causation_id ?? '—'}</dd>
            <dt>Event</dt>
            <dd className="mono">
              {entry.event_type} #{entry.position} in {entry.stream}
            </dd>
          </dl>
          {entry.key_id && <InclusionCheckButton entry={entry} />}
          <h3>Data</h3>
          <pre className="json" tabIndex={0}>
            {JSON.stringify(entry.data, null, 2)}
          </pre>
        </>
      )}
    </Dialog>
  );
}

/** The audit log: every filter, infinite scroll, an event drawer, NDJSON and CSV export. */
export function AuditPage() {
  const client = useClient();
  const [draft, setDraft] = useState<AuditFilterDraft>(NO_AUDIT_FILTERS);
  const [filters, setFilters] = useState<AuditFilterDraft>(NO_AUDIT_FILTERS);
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const log = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) =>
      client.audit.list({ ...auditQuery(filters), cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const exporter = useMutation({
    mutationFn: async (format: AuditExportFormat) => {
      const file = await client.audit.export({ ...auditQuery(filters), format });
      const type = format === 'csv' ? 'text/csv' : 'application/x-ndjson';
      downloadText(
        file.data,
        attachmentName(file.headers.get('content-disposition'), `keyledger-audit.${format}`),
        type,
      );
    },
  });
  // Infinite scroll: the next page loads when the end of the list comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = log;
  useEffect(() => {
    const element = sentinel.current;
    if (element === null || !hasNextPage) return;
    const observer = new IntersectionObserver((seen) => {
      if (seen.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const entries = log.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <>
      <div className="page-title">
        <h1>Audit log</h1>
        <div className="row">
          <button
            type="button"
            onClick={() => exporter.mutate('ndjson')}
            disabled={exporter.isPending}
          >
            Export NDJSON
          </button>
          <button
            type="button"
            onClick={() => exporter.mutate('csv')}
            disabled={exporter.isPending}
          >
            Export CSV
          </button>
        </div>
      </div>
      {exporter.error && <ErrorNote error={exporter.error} />}
      <TreeHeadPanel />
      <form className="filters" onSubmit={apply} role="search" aria-label="Filter the audit log">
        <label>
          Actor
          <input
            value={draft.actor}
            onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
          />
        </label>
        <label>
          Key id or hash
          <input
            value={draft.key_id}
            onChange={(e) => setDraft({ ...draft, key_id: e.target.value })}
          />
        </label>
        <label>
          Org
          <input
            value={draft.org_id}
            onChange={(e) => setDraft({ ...draft, org_id: e.target.value })}
          />
        </label>
        <label>
          Event types
          <select
            multiple
            size={4}
            value={[...draft.event_types]}
            onChange={(e) =>
              setDraft({ ...draft, event_types: [...e.target.selectedOptions].map((o) => o.value) })
            }
          >
            {AUDIT_EVENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label>
          From (your time)
          <input
            type="datetime-local"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </label>
        <label>
          To (your time)
          <input
            type="datetime-local"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </label>
        <button type="submit">Apply</button>
      </form>
      {log.error ? (
        <ErrorNote error={log.error} />
      ) : log.isPending ? (
        <Loading what="the audit log" />
      ) : entries.length === 0 ? (
        <Empty>No entry matches these filters.</Empty>
      ) : (
        <TableFrame
          label="Audit log table"
          columns={['When', 'Event', 'Actor', 'Key', 'From', { hidden: 'Details' }]}
        >
          {entries.map((entry) => (
            <tr key={entry.id} data-event-type={entry.event_type}>
              <td>
                <Time value={entry.occurred_at} />
              </td>
              <td>
                <strong>{entry.label}</strong>
                <div className="muted">{entry.summary}</div>
              </td>
              <td data-testid="actor">
                {entry.actor_kind} {entry.actor_id}
              </td>
              <td className="mono">{entry.key_id ?? '—'}</td>
              <td>{entry.ip ?? '—'}</td>
              <td>
                <button type="button" onClick={() => setOpen(entry)}>
                  Details <span className="visually-hidden">of {entry.label}</span>
                </button>
              </td>
            </tr>
          ))}
        </TableFrame>
      )}
      <div ref={sentinel} className="sentinel">
        {hasNextPage && (
          <button type="button" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
            {isFetchingNextPage ? 'Loading more…' : 'Load more'}
          </button>
        )}
      </div>
      <EntryDrawer entry={open} onClose={() => setOpen(null)} />
    </>
  );
}
