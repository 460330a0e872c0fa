import { useQuery } from '@tanstack/react-query';
import { Empty, QueryView } from '../components/status';
import { Time } from '../components/time';
import { useClient } from '../session/session-context';

/** The reason a change carried, when it carried one. */
const reasonOf = (data: Readonly<Record<string, unknown>>): string | null =>
  typeof data.reason === 'string' ? data.reason : null;

/** A key's history as a timeline: what changed, who did it, from where, and why. */
export function KeyHistoryTimeline({ keyId }: { readonly keyId: string }) {
  const client = useClient();
  const history = useQuery({
    queryKey: ['keys', keyId, 'history'],
    queryFn: () => client.keys.history(keyId),
  });
  return (
    <QueryView query={history} what="history">
      {(answer) =>
        answer.data.length === 0 ? (
          <Empty>No history yet.</Empty>
        ) : (
          <ol className="timeline">
            {[...answer.data].reverse().map((entry) => {
              const reason = reasonOf(entry.data);
              return (
                <li key={entry.id}>
                  <div className="timeline-head">
                    <strong>{entry.label}</strong> <Time value={entry.metadata.occurred_at} />
                  </div>
                  <div>{entry.summary}</div>
                  <dl className="meta">
                    <dt>Actor</dt>
                    <dd>
                      {entry.metadata.actor.kind} {entry.metadata.actor.id}
                    </dd>
                    <dt>IP</dt>
                    <dd>{entry.metadata.ip ?? '—'}</dd>
                    <dt>User agent</dt>
                    <dd className="wrap">{entry.metadata.user_agent ?? '—'}</dd>
                    {reason && (
                      <>
                        <dt>Reason</dt>
                        <dd>{reason}</dd>
                      </>
                    )}
                  </dl>
                </li>
              );
            })}
          </ol>
        )
      }
    </QueryView>
  );
}
