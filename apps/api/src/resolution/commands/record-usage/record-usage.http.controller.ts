import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Public } from '../../../auth/auth.guard';
import { RecordUsageAnswer, RecordUsageHandler } from './record-usage.handler';
import { RecordUsageRequestDto } from './record-usage.request.dto';
import { RecordUsageAnswerResponse } from './record-usage.response';

/**
 * After each inference request (SPEC §5), its cost, with the same secret. The fast listener
 * answers the usual request before Fastify sees it; this route documents the call and answers
 * the rest the same way.
 */
@ApiTags('resolution')
@ApiSecurity('api-key')
@Public()
@Controller('api/v1')
export class RecordUsageHttpController {
  constructor(private readonly handler: RecordUsageHandler) {}

  /** Counts the cost against the key's limit and releases the credit its request held. */
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
    return this.handler.execute(request.headers, body);
  }
}
