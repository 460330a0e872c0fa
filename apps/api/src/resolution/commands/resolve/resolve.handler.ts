import { IncomingHttpHeaders } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@keyledger/domain';
import { Resolved, ResolutionEngine, ResolveOutcome } from '@keyledger/resolution';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { CLOCK } from '../../../infrastructure/tokens';
import { ServiceMetrics } from '../../../metrics/service-metrics';
import { rateLimitHeaders } from '../../shared/rate-limit-headers';
import { refusalError } from '../../shared/refusal-error';
import { requestSecret } from '../../shared/request-secret';
import { ResolveBody } from './resolve-body';

/** What the gateway gets for an admitted request. */
export type ResolveAnswer = { readonly data: Omit<Resolved, 'ok' | 'tightest_rate_limit'> };

/** An admitted request's answer, and its X-RateLimit headers (null: the key has no rate limits). */
export interface ResolveReply {
  readonly answer: ResolveAnswer;
  readonly headers: Readonly<Record<string, string>> | null;
}

/**
 * `POST /api/v1/resolve`, after its body passed validation: admits and counts the request, or
 * throws its SPEC §5 refusal. The fast listener and the controller both answer through here.
 */
@Injectable()
export class ResolveHandler {
  constructor(
    private readonly engine: ResolutionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: ServiceMetrics,
  ) {}

  /** A promise only for a key with rate limits under a shared (Redis) limiter. */
  execute(
    headers: IncomingHttpHeaders,
    body: ResolveBody | undefined,
  ): ResolveReply | Promise<ResolveReply> {
    const outcome = this.engine.resolve(
      {
        secret: requestSecret(headers, this.config.keyPrefix),
        model: body?.model ?? null,
        scope: body?.scope ?? null,
        client_ip: body?.client_ip ?? null,
        rate_limit_cost: body?.rate_limit_cost ?? null,
      },
      this.clock.now(),
    );
    return outcome instanceof Promise
      ? outcome.then((settled) => this.reply(settled))
      : this.reply(outcome);
  }

  private reply(outcome: ResolveOutcome): ResolveReply {
    this.metrics.resolved(outcome.ok ? 'ok' : outcome.code);
    if (!outcome.ok) throw refusalError(outcome);
    const { key, routing, limit, rate_limits, tightest_rate_limit } = outcome;
    return {
      answer: { data: { key, routing, limit, rate_limits } },
      headers: tightest_rate_limit === null ? null : rateLimitHeaders(tightest_rate_limit),
    };
  }
}
