import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Clock } from '@keyledger/domain';
import { ResolutionEngine } from '@keyledger/resolution';
import { Public } from '../auth/auth.guard';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK } from '../infrastructure/tokens';
import { ServiceMetrics } from '../metrics/service-metrics';
import { RecordUsageAnswer, ResolveAnswer } from './gateway-answers';
import { RecordUsageAnswerResponse, ResolveAnswerResponse } from './gateway.response';
import { RecordUsageRequestDto } from './record-usage.request.dto';
import { refusalError } from './refusal-error';
import { requestSecret } from './request-secret';
import { ResolveRequestDto } from './resolve.request.dto';

/**
 * The gateway's two calls (SPEC §5), each with the customer's secret forwarded unchanged. Both
 * are answered from memory by the resolution engine and never wait for a store; they take no
 * session and are not throttled per address (a gateway forwards everyone's keys from one).
 */
@ApiTags('resolution')
@ApiSecurity('api-key')
@Public()
@Controller('api/v1')
export class GatewayHttpController {
  constructor(
    private readonly engine: ResolutionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: ServiceMetrics,
  ) {}

  /** On every inference request: admits and counts it, or refuses it with a SPEC §5 code. */
  @Post('resolve')
  @HttpCode(200)
  @ApiBody({ type: ResolveRequestDto, required: false })
  @ApiOkResponse({
    description: '`{ data: { key, routing, limit } }`',
    type: ResolveAnswerResponse,
  })
  @ApiResponse({ status: 400, description: '`validation_failed`' })
  @ApiResponse({
    status: 401,
    description: '`invalid_api_key`, `key_expired`, `authentication_required`',
  })
  @ApiResponse({
    status: 403,
    description: '`key_disabled`, `insufficient_scope`, `model_not_allowed`',
  })
  @ApiResponse({
    status: 429,
    description: '`limit_exceeded`, `request_limit_exceeded` (with `Retry-After`)',
  })
  resolve(@Req() request: FastifyRequest, @Body() body: ResolveRequestDto): ResolveAnswer {
    const outcome = this.engine.resolve(
      {
        secret: requestSecret(request, this.config.keyPrefix),
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

  /**
   * After the request, its cost: counted at once against the limit, appended as a usage event
   * within the flush interval (and on shutdown).
   */
  @Post('usage')
  @HttpCode(200)
  @ApiOkResponse({
    description: '`{ data: { key_id, limit } }`: the limit state after this cost',
    type: RecordUsageAnswerResponse,
  })
  @ApiResponse({ status: 400, description: '`validation_failed`' })
  @ApiResponse({ status: 401, description: '`invalid_api_key`, `authentication_required`' })
  recordUsage(
    @Req() request: FastifyRequest,
    @Body() body: RecordUsageRequestDto,
  ): RecordUsageAnswer {
    const outcome = this.engine.recordUsage(
      {
        secret: requestSecret(request, this.config.keyPrefix),
        cost: body.cost,
        byok: body.byok,
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
