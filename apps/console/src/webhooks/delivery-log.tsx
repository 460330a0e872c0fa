import { useQuery } from '@tanstack/react-query';
import { Empty, QueryView } from '../components/status';
import { Time } from '../components/time';
import { useClient } from '../session/session-context';

/** A subscription's delivery log: each event's status and every attempt with its outcome. */
export function DeliveryLog({ webhookId }: { readonly webhookId: string }) {
  const client = useClient();
  const log = useQuery({
    queryKey: ['webhooks', webhookId, 'deliveries'],
    queryFn: () => client.webhooks.deliveries(webhookId, { limit: 50 }),
  });
  return (
    <QueryView query={log} what="deliveries">
      {(page) =>
        page.data.length === 0 ? (
          <Empty>No delivery yet: events the subscription names will appear here.</Empty>
        ) : (
          <ul className="deliveries">
            {page.data.map((delivery) => (
              <li key={delivery.event_id}>
                <strong>{delivery.event_type}</strong>{' '}
                <span
                  className={`badge badge-${delivery.status === 'delivered' ? 'ok' : delivery.status === 'dead' ? 'bad' : 'warn'}`}
                >
                  {delivery.status}
                </span>{' '}
                {delivery.next_attempt_at && (
                  <span className="muted">
                    next try <Time value={delivery.next_attempt_at} />
                  </span>
                )}
                <ol className="attempts">
                  {delivery.attempt_log.map((attempt) => (
                    <li key={attempt.attempt}>
                      Attempt {attempt.attempt}: <Time value={attempt.attempted_at} />,{' '}
                      {attempt.status_code ?? 'no answer'}
                      {attempt.error ? ` (${attempt.error})` : ''}, {attempt.duration_ms} ms →{' '}
                      {attempt.outcome}
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        )
      }
    </QueryView>
  );
}
