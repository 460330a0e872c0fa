import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../../auth/auth.guard';
import { ResolveAnswer, ResolveHandler, ResolveReply } from './resolve.handler';
import { ResolveRequestDto } from './resolve.request.dto';
import { ResolveAnswerResponse } from './resolve.response';

/**
 * On every inference request (SPEC §5), with the customer's secret forwarded unchanged; answered
 * from memory. The fast listener answers the usual request before Fastify sees it; this route
 * documents the call and answers the rest (chunked or otherwise unusual bodies) the same way. It
 * takes no session and is not throttled per address (a gateway forwards everyone's keys).
 */
@ApiTags('resolution')
@ApiSecurity('api-key')
@Public()
@Controller('api/v1')
export class ResolveHttpController {
  constructor(private readonly handler: ResolveHandler) {}

  /** Admits and counts the request, or refuses it with a SPEC §5 code. */
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
    description:
      '`key_disabled`, `insufficient_scope`, `model_not_allowed`, `policy_violation` (an `all_keys` org policy), `ip_not_allowed`',
  })
  @ApiResponse({
    status: 429,
    description:
      '`limit_exceeded`, `request_limit_exceeded` (with `Retry-After`), `rate_limited` (with `Retry-After` and `X-RateLimit-Limit`/`-Remaining`/`-Reset` of the limit that refused)',
  })
  async resolve(
    @Req() request: FastifyRequest,
    @Body() body: ResolveRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResolveAnswer> {
    const { answer, headers }: ResolveReply = await this.handler.execute(request.headers, body);
    if (headers !== null) void reply.headers(headers);
    return answer;
  }
}
