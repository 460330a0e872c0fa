import { Counter, Gauge, collectDefaultMetrics, Registry } from 'prom-client';
import { EventStore } from '@keyledger/event-store';
import { ProjectionRunner } from '@keyledger/read-models';
import { RefusalCode } from '@keyledger/resolution';

/** A gateway call's outcome as a metric label: `ok` or the refusal code. */
export type GatewayOutcome = 'ok' | RefusalCode;

/**
 * The service's Prometheus metrics, in a registry of its own (so two apps in one process, as in
 * the tests, never share counters): process defaults, gateway decisions, projection lag.
 */
export class ServiceMetrics {
  private readonly registry = new Registry();
  private readonly resolutions: Counter<'outcome'>;
  private readonly usageReports: Counter<'outcome'>;
  private readonly rateLimitFallbacks: Counter;
  /** `keyledger_projection_lag_events`, or `…_lag_bytes` where positions are byte offsets. */
  private readonly lagDistance: Gauge;
  private readonly lagMs: Gauge;
  private readonly resolvedBy: (outcome: GatewayOutcome) => Counter.Internal;
  private readonly reportedBy: (outcome: GatewayOutcome) => Counter.Internal;

  constructor(
    private readonly runner: ProjectionRunner,
    events: EventStore,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'keyledger_' });
    this.resolutions = new Counter({
      name: 'keyledger_resolutions_total',
      help: 'POST /api/v1/resolve decisions, by outcome (ok or the refusal code)',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    this.usageReports = new Counter({
      name: 'keyledger_usage_reports_total',
      help: 'POST /api/v1/usage reports, by outcome (ok or the refusal code)',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    this.resolvedBy = childrenByOutcome(this.resolutions);
    this.reportedBy = childrenByOutcome(this.usageReports);
    this.rateLimitFallbacks = new Counter({
      name: 'keyledger_rate_limit_fallbacks_total',
      help: 'Rate-limited resolves counted by this instance alone because Redis did not answer',
      registers: [this.registry],
    });
    // EventStoreDB positions are byte offsets: a difference of them counts no events.
    this.lagDistance = new Gauge(
      events.positionUnit === 'event'
        ? {
            name: 'keyledger_projection_lag_events',
            help: 'Events stored but not yet applied to every read model',
            registers: [this.registry],
          }
        : {
            name: 'keyledger_projection_lag_bytes',
            help: 'Bytes of the EventStoreDB log from the oldest event not yet applied to every read model to the head (events are not counted)',
            registers: [this.registry],
          },
    );
    const drops = new Counter({
      name: 'keyledger_event_store_subscription_drops_total',
      help: 'Event store subscriptions dropped, by store error kind and whether they gave up (permanent)',
      labelNames: ['kind', 'permanent'],
      registers: [this.registry],
    });
    events.subscriptionHealth.onDrop(({ kind, permanent }) =>
      drops.inc({ kind, permanent: String(permanent) }),
    );
    this.lagMs = new Gauge({
      name: 'keyledger_projection_lag_ms',
      help: 'Age of the oldest event not yet applied to every read model',
      registers: [this.registry],
    });
  }

  /** The exposition text of every metric, with the projection lag read once for this scrape. */
  async scrape(): Promise<string> {
    const { behind_events, behind_bytes, behind_ms } = await this.runner.lag();
    this.lagDistance.set(behind_events ?? behind_bytes ?? 0);
    this.lagMs.set(behind_ms);
    return this.registry.metrics();
  }

  /** Counts one resolve decision. */
  resolved(outcome: GatewayOutcome): void {
    this.resolvedBy(outcome).inc();
  }

  /** Counts one resolve whose rate limits fell back to this instance's counters. */
  rateLimitFellBack(): void {
    this.rateLimitFallbacks.inc();
  }

  /** Counts one usage report. */
  usageReported(outcome: GatewayOutcome): void {
    this.reportedBy(outcome).inc();
  }
}

/**
 * A counter's child per outcome, made once: `inc({ outcome })` would hash the labels on every
 * gateway call.
 */
function childrenByOutcome(
  counter: Counter<'outcome'>,
): (outcome: GatewayOutcome) => Counter.Internal {
  const children = new Map<GatewayOutcome, Counter.Internal>();
  return (outcome) => {
    let child = children.get(outcome);
    if (child === undefined) {
      child = counter.labels({ outcome });
      children.set(outcome, child);
    }
    return child;
  };
}
