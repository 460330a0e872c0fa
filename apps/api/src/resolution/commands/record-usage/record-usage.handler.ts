import { IncomingHttpHeaders } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@keyledger/domain';
import { ResolutionEngine, UsageCounted } from '@keyledger/resolution';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { CLOCK } from '../../../infrastructure/tokens';
import { ServiceMetrics } from '../../../metrics/service-metrics';
import { refusalError } from '../../shared/refusal-error';
import { requestSecret } from '../../shared/request-secret';
import { RecordUsageBody } from './record-usage-body';

/** What the gateway gets for a counted report. */
export type RecordUsageAnswer = { readonly data: Omit<UsageCounted, 'ok'> };

/**
 * `POST /api/v1/usage`, after its body passed validation: the cost is counted at once against
 * the limit and appended as a usage event within the flush interval (and on shutdown). The
 * fast listener and the controller both answer through here.
 */
@Injectable()
export class RecordUsageHandler {
  constructor(
    private readonly engine: ResolutionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: ServiceMetrics,
  ) {}

  execute(headers: IncomingHttpHeaders, body: RecordUsageBody): RecordUsageAnswer {
    const outcome = this.engine.recordUsage(
      {
        secret: requestSecret(headers, this.config.keyPrefix),
        cost: body.cost,
        byok: body.byok ?? undefined,
        model: body.model ?? null,
      },
      this.clock.now(),
    );
    this.metrics.usageReported(outcome.ok ? 'ok' : outcome.code);
    if (!outcome.ok) throw refusalError(outcome);
    const { key_id, limit } = outcome;
    return { data: { key_id, limit } };
  }
}
