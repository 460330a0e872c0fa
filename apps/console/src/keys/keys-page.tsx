import { Key } from '@keyledger/client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { KeyStateBadges } from '../components/badges';
import { Empty, ErrorNote, QueryView } from '../components/status';
import { TableFrame } from '../components/table-frame';
import { Time } from '../components/time';
import { useClient } from '../session/session-context';
import { CreateKeyDialog } from './create-key-dialog';
import { DEFAULT_KEY_FILTERS, KeyFilters, keyListQuery, StateFilter } from './key-filters';
import { UsageSparkline } from './sparkline';

const PAGE_SIZE = 25;

/** "3.5 of 10 left", or "no limit". */
export const limitText = (key: Key): string =>
  key.limit === null ? 'no limit' : `${key.limit_remaining ?? 0} of ${key.limit} left`;

/** The keys table: filters, cursor paging, badges, sparklines, bulk disable and enable, create. */
export function KeysPage() {
  const client = useClient();
  const queries = useQueryClient();
  const [draft, setDraft] = useState<KeyFilters>(DEFAULT_KEY_FILTERS);
  const [filters, setFilters] = useState<KeyFilters>(DEFAULT_KEY_FILTERS);
  // The cursors of the pages before this one, so Previous can go back.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const cursor = cursors[cursors.length - 1];
  const list = useQuery({
    queryKey: ['keys', filters, cursor],
    queryFn: () => client.keys.list(keyListQuery(filters, cursor, PAGE_SIZE)),
    placeholderData: keepPreviousData,
  });
  const bulk = useMutation({
    mutationFn: async (disabled: boolean) => {
      const reason = disabled ? 'bulk disable from the console' : undefined;
      for (const id of selected)
        await client.keys.update(id, { disabled, ...(reason ? { reason } : {}) });
    },
    onSettled: () => {
      setSelected(new Set());
      return queries.invalidateQueries({ queryKey: ['keys'] });
    },
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setCursors([undefined]);
    setSelected(new Set());
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  return (
    <>
      <div className="page-title">
        <h1>Keys</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          Create key
        </button>
      </div>
      <form className="filters" onSubmit={apply} role="search" aria-label="Filter keys">
        <label>
          Name
          <input
            type="search"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
        <label>
          State
          <select
            value={draft.state}
            onChange={(e) => setDraft({ ...draft, state: e.target.value as StateFilter })}
          >
            <option value="active">active</option>
            <option value="active-disabled">active and disabled</option>
            <option value="all">all, revoked too</option>
          </select>
        </label>
        <label>
          Scope
          <select
            value={draft.scope}
            onChange={(e) => setDraft({ ...draft, scope: e.target.value as KeyFilters['scope'] })}
          >
            <option value="">any</option>
            <option value="personal">personal</option>
            <option value="org">org</option>
          </select>
        </label>
        <label>
          Org
          <input value={draft.org} onChange={(e) => setDraft({ ...draft, org: e.target.value })} />
        </label>
        <label>
          Owner
          <input
            value={draft.owner}
            onChange={(e) => setDraft({ ...draft, owner: e.target.value })}
          />
        </label>
        <label>
          External id
          <input
            value={draft.externalId}
            onChange={(e) => setDraft({ ...draft, externalId: e.target.value })}
          />
        </label>
        <button type="submit">Apply</button>
      </form>
      <div className="toolbar" aria-live="polite">
        <span>{selected.size} selected</span>
        <button
          type="button"
          disabled={selected.size === 0 || bulk.isPending}
          onClick={() => bulk.mutate(true)}
        >
          Disable selected
        </button>
        <button
          type="button"
          disabled={selected.size === 0 || bulk.isPending}
          onClick={() => bulk.mutate(false)}
        >
          Enable selected
        </button>
      </div>
      {bulk.error && <ErrorNote error={bulk.error} />}
      <QueryView query={list} what="keys">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No key matches these filters. Create one, or widen the state filter.</Empty>
          ) : (
            <>
              <TableFrame
                label="Keys table"
                columns={[
                  { hidden: 'Select' },
                  'Name',
                  'State',
                  'Owner',
                  'Limit',
                  'Requests',
                  'Last used',
                  'Created',
                ]}
              >
                {page.data.map((key) => (
                  <tr key={key.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select ${key.name}`}
                        checked={selected.has(key.id)}
                        disabled={key.revoked}
                        onChange={(e) => toggle(key.id, e.target.checked)}
                      />
                    </td>
                    <td>
                      <Link to={`/keys/${key.id}`}>{key.name}</Link>
                      <div className="mono muted">{key.label}</div>
                    </td>
                    <td>
                      <KeyStateBadges keyView={key} />
                    </td>
                    <td>
                      {key.owner_user_id}
                      <div className="muted">
                        {key.scope === 'org' ? `org ${key.org_id}` : 'personal'}
                      </div>
                      {key.external_id && (
                        <div className="muted mono">external {key.external_id}</div>
                      )}
                    </td>
                    <td>{limitText(key)}</td>
                    <td className="spark-cell">
                      <UsageSparkline keyView={key} />
                    </td>
                    <td>
                      <Time value={key.last_used_at} />
                    </td>
                    <td>
                      <Time value={key.created_at} />
                    </td>
                  </tr>
                ))}
              </TableFrame>
              <nav className="pager" aria-label="Pages of keys">
                <button
                  type="button"
                  disabled={cursors.length === 1}
                  onClick={() => setCursors(cursors.slice(0, -1))}
                >
                  Previous
                </button>
                <span>Page {cursors.length}</span>
                <button
                  type="button"
                  disabled={page.next_cursor === null}
                  onClick={() => setCursors([...cursors, page.next_cursor ?? undefined])}
                >
                  Next
                </button>
              </nav>
            </>
          )
        }
      </QueryView>
      <CreateKeyDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
