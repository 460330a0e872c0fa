import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Clock } from '@keyledger/domain';
import { ResolutionEngine, UsageCounted } from '@keyledger/resolution';
import { Public } from '../../auth/auth.guard';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CLOCK } from '../../infrastructure/tokens';
import { refusalError } from '../refusal-error';
import { requestSecret } from '../request-secret';
import { RecordUsageRequestDto } from './record-usage.request.dto';

/** What the gateway gets for a counted report. */
export type RecordUsageAnswer = { readonly data: Omit<UsageCounted, 'ok'> };

@ApiTags('resolution')
@ApiSecurity('api-key')
@Controller('api/v1/usage')
export class RecordUsageHttpController {
  constructor(
    private readonly engine: ResolutionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The gateway reports a request's cost after it, with the same secret. Counted at once against
   * the limit; appended as a usage event within the flush interval (and on shutdown).
   */
  @Public()
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ description: '`{ data: { key_id, limit } }`: the limit state after this cost.' })
  @ApiResponse({ status: 400, description: '`validation_failed`' })
  @ApiResponse({ status: 401, description: '`invalid_api_key`, `authentication_required`' })
  record(@Req() request: FastifyRequest, @Body() body: RecordUsageRequestDto): RecordUsageAnswer {
    const outcome = this.engine.recordUsage(
      {
        secret: requestSecret(request, this.config.keyPrefix),
        cost: body.cost,
        byok: body.byok,
        model: body.model ?? null,
      },
      this.clock.now(),
    );
    if (!outcome.ok) throw refusalError(outcome);
    const { key_id, limit } = outcome;
    return { data: { key_id, limit } };
  }
}
