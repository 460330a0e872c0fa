import { Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiParam, ApiResponse } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { KeyView } from '../../../keys/key-view';
import { Versioned } from '../../../shared/writes/write-result';
import { GetKeyQuery } from '../../../keys/queries/get-key/get-key.handler';
import { answerOpenRouterRead, OpenRouterKeyEnvelope } from '../../openrouter-answers';
import { OpenRouterKeysController } from '../../openrouter-controller.decorator';
import { OpenRouterKeyEnvelopeResponse } from '../../openrouter.response';

@OpenRouterKeysController()
export class GetKeyOpenRouterController {
  constructor(private readonly queries: QueryBus) {}

  /** OpenRouter's `GET /keys/{hash}` (keyledger's key id works too). */
  @Get(':hash')
  @ApiParam({ name: 'hash', description: "The hash of the key's secret, or its keyledger id." })
  @ApiOkResponse({
    description: "`{ data: Key }` in OpenRouter's field names.",
    type: OpenRouterKeyEnvelopeResponse,
  })
  @ApiResponse({ status: 404, description: 'Missing, revoked, or not visible to the caller.' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('hash') hash: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpenRouterKeyEnvelope> {
    const key = await this.queries.execute<GetKeyQuery, Versioned<KeyView>>(
      new GetKeyQuery(principal, hash),
    );
    return answerOpenRouterRead(reply, key);
  }
}
