import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { EventStore } from '@keyledger/event-store';
import { Public } from '../auth/auth.guard';
import { EVENT_STORE } from '../infrastructure/tokens';
import { healthReport } from './health-report';
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
    const { status, body } = healthReport(this.events.subscriptionHealth);
    void reply.status(status);
    return body;
  }
}
