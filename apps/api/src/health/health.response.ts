import { ApiProperty } from '@nestjs/swagger';
import { SubscriptionHealthStatus } from '@keyledger/event-store';
import { enumValues } from '../shared/openapi/enum-values';

/** What /health answers: nothing that names hosts or errors, since anyone may call it. */
export interface HealthBody {
  /** `degraded`: an event store subscription is retrying; `failing`: one gave up (503). */
  readonly status: 'ok' | 'degraded' | 'failing';
  readonly event_store: {
    readonly subscriptions: SubscriptionHealthStatus;
    readonly subscription_drops_total: number;
  };
}

/** The event store's subscriptions, as /health reports them. */
class EventStoreHealthResponse implements Readonly<HealthBody['event_store']> {
  @ApiProperty({
    enum: enumValues<SubscriptionHealthStatus>({ ok: true, degraded: true, failed: true }),
  })
  readonly subscriptions!: SubscriptionHealthStatus;

  @ApiProperty({ type: Number, description: 'Subscription drops since start, each retried.' })
  readonly subscription_drops_total!: number;
}

/** `Health` in the OpenAPI document; the class implements HealthBody, so the two stay in step. */
export class HealthResponse implements HealthBody {
  @ApiProperty({
    enum: enumValues<HealthBody['status']>({ ok: true, degraded: true, failing: true }),
    description: '`degraded`: a subscription is retrying; `failing`: one gave up (503).',
  })
  readonly status!: HealthBody['status'];

  @ApiProperty({ type: EventStoreHealthResponse })
  readonly event_store!: EventStoreHealthResponse;
}
