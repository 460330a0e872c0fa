import { Counter, Gauge, collectDefaultMetrics, Registry } from 'prom-client';
import { ProjectionRunner } from '@keyledger/read-models';
import { RefusalCode } from '@keyledger/resolution';

/** A gateway call's outcome as a metric label: `ok` or the refusal code. */
export type GatewayOutcome = 'ok' | RefusalCode;

/**
 * The service's Prometheus metrics, in a registry of its own (so two apps in one process, as in
 * the tests, never share counters): process defaults, gateway decisions, projection lag.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly resolutions: Counter<'outcome'>;
  private readonly usageReports: Counter<'outcome'>;

  constructor(runner: ProjectionRunner) {
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
    const lag = (field: 'behind_events' | 'behind_ms') =>
      async function collect(this: Gauge) {
        this.set((await runner.lag())[field]);
      };
    new Gauge({
      name: 'keyledger_projection_lag_events',
      help: 'Events stored but not yet applied to every read model',
      registers: [this.registry],
      collect: lag('behind_events'),
    });
    new Gauge({
      name: 'keyledger_projection_lag_ms',
      help: 'Age of the oldest event not yet applied to every read model',
      registers: [this.registry],
      collect: lag('behind_ms'),
    });
  }

  /** Counts one resolve decision. */
  resolved(outcome: GatewayOutcome): void {
    this.resolutions.inc({ outcome });
  }

  /** Counts one usage report. */
  usageReported(outcome: GatewayOutcome): void {
    this.usageReports.inc({ outcome });
  }
}
