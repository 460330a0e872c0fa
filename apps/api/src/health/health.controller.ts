import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { EventStore } from '@keyledger/event-store';
import { Public } from '../auth/auth.guard';
import { EVENT_STORE } from '../infrastructure/tokens';
import { HealthBody, HealthResponse } from './health.response';

/** Liveness for load balancers and the tests' start-up wait, with the event store's subscriptions. */
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'Serving.', type: HealthResponse })
  @ApiResponse({ status: 503, description: 'A subscription gave up.', type: HealthResponse })
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
