import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { ApiKeyScopes } from '../../../auth/api-key-scopes';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { WaitsForMinPosition } from '../../../shared/http/min-position';
import { answerRead } from '../../../shared/http/answers';
import { KeyEnvelope } from '../../key-view';
import { Versioned } from '../../../shared/writes/write-result';
import { KeyView } from '../../key-view';
import { KeyEnvelopeResponse } from '../../key.response';
import { GetCallingKeyQuery } from './get-calling-key.handler';

@ApiTags('keys')
@ApiBearerAuth()
// Self-introspection: any key may describe itself, whatever its scopes.
@ApiKeyScopes()
@Controller('api/v1/key')
export class GetCallingKeyHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** The calling API key describes itself (OpenRouter's `GET /api/v1/key`). */
  @Get()
  @WaitsForMinPosition()
  @ApiOkResponse({ description: '`{ data: Key }`', type: KeyEnvelopeResponse })
  @ApiResponse({ status: 403, description: '`api_key_required`: called with a session token.' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyEnvelope> {
    const key = await this.queries.execute<GetCallingKeyQuery, Versioned<KeyView>>(
      new GetCallingKeyQuery(principal),
    );
    return { data: answerRead(reply, key) };
  }
}
