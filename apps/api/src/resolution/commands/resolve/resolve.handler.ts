import { IncomingHttpHeaders } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@keyledger/domain';
import { Resolved, ResolutionEngine } from '@keyledger/resolution';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { CLOCK } from '../../../infrastructure/tokens';
import { ServiceMetrics } from '../../../metrics/service-metrics';
import { refusalError } from '../../shared/refusal-error';
import { requestSecret } from '../../shared/request-secret';
import { ResolveBody } from './resolve-body';

/** What the gateway gets for an admitted request. */
export type ResolveAnswer = { readonly data: Omit<Resolved, 'ok'> };

/**
 * `POST /api/v1/resolve`, after its body passed validation: admits and counts the request, or
 * throws its SPEC §5 refusal. The gateway listener and the controller both answer through here.
 */
@Injectable()
export class ResolveHandler {
  constructor(
    private readonly engine: ResolutionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: ServiceMetrics,
  ) {}

  execute(headers: IncomingHttpHeaders, body: ResolveBody | undefined): ResolveAnswer {
    const outcome = this.engine.resolve(
      {
        secret: requestSecret(headers, this.config.keyPrefix),
        model: body?.model ?? null,
        scope: body?.scope ?? null,
      },
      this.clock.now(),
    );
    this.metrics.resolved(outcome.ok ? 'ok' : outcome.code);
    if (!outcome.ok) throw refusalError(outcome);
    const { key, routing, limit } = outcome;
    return { data: { key, routing, limit } };
  }
}
