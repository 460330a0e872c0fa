import { ReportName, ReportQueries } from '@keyledger/client';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useMemo, useState } from 'react';
import { Link, NavLink, useParams, useSearchParams } from 'react-router';
import { Chart } from '../components/chart';
import { downloadText } from '../components/download';
import { Empty, QueryView } from '../components/status';
import { TableFrame } from '../components/table-frame';
import { Time } from '../components/time';
import { useClient } from '../session/session-context';
import { reportChart } from './report-charts';
import { reportCsv } from './report-csv';

/** The reports, with the parameter each one takes. */
const REPORTS: readonly { name: ReportName; label: string; parameter?: 'days' | 'threshold' }[] = [
  { name: 'keys-by-state', label: 'Keys by state per org' },
  { name: 'keys-per-owner', label: 'Keys per owner' },
  { name: 'keys-near-limit', label: 'Near their limit', parameter: 'threshold' },
  { name: 'unused-keys', label: 'Unused keys', parameter: 'days' },
  { name: 'keys-without-limit', label: 'Without a limit' },
  { name: 'keys-never-expiring', label: 'Never expiring' },
  { name: 'policy-violations', label: 'Policy violations' },
  { name: 'recent-revocations', label: 'Recent revocations', parameter: 'days' },
];

const cellText = (value: unknown): string =>
  value === null || value === undefined ? '—' : String(value);

/** A cell: times in the viewer's zone, key ids as links to their page, the rest as text. */
function ReportCellView({ column, value }: { readonly column: string; readonly value: unknown }) {
  if (column.endsWith('_at') && typeof value === 'string') return <Time value={value} />;
  if (column === 'key_id' && typeof value === 'string') {
    return (
      <Link className="mono" to={`/keys/${encodeURIComponent(value)}`}>
        {value}
      </Link>
    );
  }
  return <>{cellText(value)}</>;
}

/** One report: parameters, chart, table and CSV export. */
function ReportView({ name }: { readonly name: ReportName }) {
  const client = useClient();
  const spec = REPORTS.find((report) => report.name === name) ?? REPORTS[0];
  // `?org_id=` opens the report on one org (the key policy page links here so).
  const [search] = useSearchParams();
  const org = search.get('org_id') ?? '';
  const [draft, setDraft] = useState({ org, value: '' });
  const [query, setQuery] = useState<ReportQueries[ReportName]>(org ? { org_id: org } : {});
  const report = useQuery({
    queryKey: ['reports', name, query],
    queryFn: () => client.reports.run(name, query),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery({
      ...(draft.org.trim() ? { org_id: draft.org.trim() } : {}),
      ...(spec.parameter && draft.value !== '' ? { [spec.parameter]: Number(draft.value) } : {}),
    });
  };
  const rows = report.data?.data;
  const option = useMemo(() => (rows ? reportChart(name, rows) : null), [name, rows]);
  return (
    <>
      <form className="filters" onSubmit={submit} aria-label="Report parameters">
        <label>
          Org
          <input value={draft.org} onChange={(e) => setDraft({ ...draft, org: e.target.value })} />
        </label>
        {spec.parameter && (
          <label>
            {spec.parameter === 'days' ? 'Days' : 'Threshold (% used)'}
            <input
              type="number"
              min={0}
              value={draft.value}
              onChange={(e) => setDraft({ ...draft, value: e.target.value })}
            />
          </label>
        )}
        <button type="submit">Run</button>
      </form>
      <QueryView query={report} what="the report">
        {(answer) => (
          <section className="panel" aria-label={answer.title}>
            <div className="page-title">
              <h2>{answer.title}</h2>
              <button
                type="button"
                onClick={() =>
                  downloadText(
                    reportCsv(answer.columns, answer.data),
                    `keyledger-${answer.report}.csv`,
                    'text/csv',
                  )
                }
              >
                Export CSV
              </button>
            </div>
            <p className="muted">
              Generated <Time value={answer.generated_at} />, {answer.data.length} row
              {answer.data.length === 1 ? '' : 's'}.
            </p>
            {option && (
              <Chart
                option={option}
                label={`${answer.title}: chart of ${answer.data.length} rows`}
              />
            )}
            {answer.data.length === 0 ? (
              <Empty>Nothing to report: no key is in this list.</Empty>
            ) : (
              <TableFrame label={`${answer.title} table`} columns={answer.columns}>
                {answer.data.map((row, index) => (
                  <tr key={index}>
                    {answer.columns.map((column) => (
                      <td key={column}>
                        <ReportCellView column={column} value={row[column]} />
                      </td>
                    ))}
                  </tr>
                ))}
              </TableFrame>
            )}
          </section>
        )}
      </QueryView>
    </>
  );
}

/** Governance reports, one per tab. */
export function ReportsPage() {
  const { name } = useParams();
  const current = REPORTS.find((report) => report.name === name)?.name ?? 'keys-by-state';
  return (
    <>
      <h1>Reports</h1>
      <nav className="tabs" aria-label="Reports">
        {REPORTS.map((report) => (
          <NavLink
            key={report.name}
            to={`/reports/${report.name}`}
            className={report.name === current ? 'active' : undefined}
            aria-current={report.name === current ? 'page' : undefined}
          >
            {report.label}
          </NavLink>
        ))}
      </nav>
      <ReportView key={current} name={current} />
    </>
  );
}
