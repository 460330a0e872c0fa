import { EventStore } from '@keyledger/event-store';
import { GetRoute } from '../shared/http/fast-listener/fast-route';
import { healthReport } from './health-report';

/** `GET /health` on the fast listener: load balancers probe it often, and it needs no auth. */
export function healthFastRoute(events: EventStore): GetRoute {
  return {
    pattern: '/health',
    match: (path) => (path === '/health' ? '' : undefined),
    answer: () => {
      const { status, body } = healthReport(events.subscriptionHealth);
      return { status, payload: JSON.stringify(body), headers: null };
    },
  };
}
