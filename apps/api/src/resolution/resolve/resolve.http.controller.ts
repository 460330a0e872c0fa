import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Clock } from '@keyledger/domain';
import { Resolved, ResolutionEngine } from '@keyledger/resolution';
import { Public } from '../../auth/auth.guard';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CLOCK } from '../../infrastructure/tokens';
import { refusalError } from '../refusal-error';
import { requestSecret } from '../request-secret';
import { ResolveRequestDto } from './resolve.request.dto';

/** What the gateway gets for an admitted request. */
export type ResolveAnswer = { readonly data: Omit<Resolved, 'ok'> };

@ApiTags('resolution')
@ApiSecurity('api-key')
@Controller('api/v1/resolve')
export class ResolveHttpController {
  constructor(
    private readonly engine: ResolutionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The gateway's call on every inference request, with the customer's secret: admits and
   * counts the request or refuses it. Answered from memory; never waits for the store.
   */
  @Public()
  @Post()
  @HttpCode(200)
  @ApiBody({ type: ResolveRequestDto, required: false })
  @ApiOkResponse({ description: '`{ data: { key, routing, limit } }`' })
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
    if (!outcome.ok) throw refusalError(outcome);
    const { key, routing, limit } = outcome;
    return { data: { key, routing, limit } };
  }
}
