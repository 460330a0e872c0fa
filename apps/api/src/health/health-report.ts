import { SubscriptionHealth } from '@keyledger/event-store';
import { HealthBody } from './health.response';

/** What /health answers, and with which status. */
export interface HealthReport {
  readonly status: 200 | 503;
  readonly body: HealthBody;
}

/** /health from the event store's subscriptions, on Fastify and on the fast listener alike. */
export function healthReport(subscriptions: SubscriptionHealth): HealthReport {
  const { status, drops_total } = subscriptions.report();
  // A subscription that gave up leaves read models and the resolution cache frozen for good.
  return {
    status: status === 'failed' ? 503 : 200,
    body: {
      status: status === 'failed' ? 'failing' : status,
      event_store: { subscriptions: status, subscription_drops_total: drops_total },
    },
  };
}
