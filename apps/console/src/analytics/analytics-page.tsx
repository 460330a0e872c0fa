import { AnalyticsGranularity, AnalyticsPoint } from '@keyledger/client';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useMemo, useState } from 'react';
import { Chart } from '../components/chart';
import { Empty, QueryView } from '../components/status';
import { TableFrame } from '../components/table-frame';
import { Time } from '../components/time';
import { useClient } from '../session/session-context';
import { analyticsChart, busyPoints, refusedIn } from './analytics-chart';

interface Subject {
  readonly kind: 'key' | 'org';
  readonly id: string;
  readonly granularity: AnalyticsGranularity;
}

const COLUMNS = ['Start', 'Admitted', 'Refused', 'Cost', 'BYOK cost', 'Models'];

/** One series: the chart over every bucket, and a table of the buckets with usage. */
function SeriesView({ subject }: { readonly subject: Subject }) {
  const client = useClient();
  const series = useQuery({
    queryKey: ['analytics', subject],
    queryFn: () =>
      subject.kind === 'key'
        ? client.analytics.ofKey(subject.id, { granularity: subject.granularity })
        : client.analytics.ofOrg({ org_id: subject.id, granularity: subject.granularity }),
  });
  const points = series.data?.data;
  const option = useMemo(() => (points ? analyticsChart(points) : null), [points]);
  const title = `${subject.kind === 'key' ? 'Key' : 'Org'} ${subject.id}, by ${subject.granularity}`;
  return (
    <QueryView query={series} what="the usage">
      {(answer) => (
        <section className="panel" aria-label={title}>
          <h2>{title}</h2>
          {option && <Chart option={option} label={`${title}: requests and cost per bucket`} />}
          {busyPoints(answer.data).length === 0 ? (
            <Empty>No usage in this range.</Empty>
          ) : (
            <TableFrame label={`${title} table`} columns={COLUMNS}>
              {busyPoints(answer.data).map((point: AnalyticsPoint) => (
                <tr key={point.start}>
                  <td>
                    <Time value={point.start} />
                  </td>
                  <td>{point.requests}</td>
                  <td>{refusedIn(point)}</td>
                  <td>{point.cost}</td>
                  <td>{point.byok_cost}</td>
                  <td>{Object.keys(point.models).join(', ') || '—'}</td>
                </tr>
              ))}
            </TableFrame>
          )}
        </section>
      )}
    </QueryView>
  );
}

/** Usage over time of one key or one org: requests admitted and refused, and cost. */
export function AnalyticsPage() {
  const [draft, setDraft] = useState<Subject>({ kind: 'key', id: '', granularity: 'hour' });
  const [subject, setSubject] = useState<Subject | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.id.trim() !== '') setSubject({ ...draft, id: draft.id.trim() });
  };
  return (
    <>
      <h1>Analytics</h1>
      <form className="filters" onSubmit={submit} aria-label="Analytics subject">
        <label>
          Of
          <select
            value={draft.kind}
            onChange={(e) => setDraft({ ...draft, kind: e.target.value as Subject['kind'] })}
          >
            <option value="key">a key</option>
            <option value="org">an org</option>
          </select>
        </label>
        <label>
          {draft.kind === 'key' ? 'Key id' : 'Org id'}
          <input value={draft.id} onChange={(e) => setDraft({ ...draft, id: e.target.value })} />
        </label>
        <label>
          By
          <select
            value={draft.granularity}
            onChange={(e) =>
              setDraft({ ...draft, granularity: e.target.value as AnalyticsGranularity })
            }
          >
            <option value="hour">hour (last 24)</option>
            <option value="day">day (last 30)</option>
          </select>
        </label>
        <button type="submit">Show</button>
      </form>
      {subject === null ? (
        <Empty>Name a key or an org to chart its usage.</Empty>
      ) : (
        <SeriesView key={JSON.stringify(subject)} subject={subject} />
      )}
    </>
  );
}
