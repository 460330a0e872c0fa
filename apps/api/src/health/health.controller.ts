import { Controller, Get, Inject, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { EventStore, SubscriptionHealthStatus } from '@keyledger/event-store';
import { Public } from '../auth/auth.guard';
import { EVENT_STORE } from '../infrastructure/tokens';

/** What /health answers: nothing that names hosts or errors, since anyone may call it. */
export interface HealthBody {
  /** `degraded`: an event store subscription is retrying; `failing`: one gave up (503). */
  readonly status: 'ok' | 'degraded' | 'failing';
  readonly event_store: {
    readonly subscriptions: SubscriptionHealthStatus;
    readonly subscription_drops_total: number;
  };
}

/** Liveness for load balancers and the tests' start-up wait, with the event store's subscriptions. */
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  @Public()
  @Get()
  health(@Res({ passthrough: true }) reply: FastifyReply): HealthBody {
    const { status, drops_total } = this.events.subscriptionHealth.report();
    // A subscription that gave up leaves read models and the resolution cache frozen for good.
    if (status === 'failed') void reply.status(503);
    return {
      status: status === 'failed' ? 'failing' : status,
      event_store: { subscriptions: status, subscription_drops_total: drops_total },
    };
  }
}
