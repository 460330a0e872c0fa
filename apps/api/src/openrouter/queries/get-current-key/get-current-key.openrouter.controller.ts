import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { KeyView } from '../../../keys/key-view';
import { Versioned } from '../../../shared/writes/write-result';
import { GetCallingKeyQuery } from '../../../keys/queries/get-calling-key/get-calling-key.handler';
import { OpenRouterController } from '../../openrouter-controller.decorator';
import { toOpenRouterCurrentKey } from '../../openrouter-current-key';
import { OpenRouterCurrentKeyEnvelope } from '../../openrouter-answers';
import { OpenRouterCurrentKeyEnvelopeResponse } from '../../openrouter.response';

@OpenRouterController('key')
export class GetCurrentKeyOpenRouterController {
  constructor(private readonly queries: QueryBus) {}

  /** OpenRouter's `GET /key`: any key, management or not, describes itself. */
  @Get()
  @ApiOkResponse({
    description: "`{ data: CurrentKey }` in OpenRouter's field names.",
    type: OpenRouterCurrentKeyEnvelopeResponse,
  })
  @ApiResponse({ status: 403, description: 'Called with a session token, which is no key.' })
  async get(@CurrentPrincipal() principal: Principal): Promise<OpenRouterCurrentKeyEnvelope> {
    const { data: key } = await this.queries.execute<GetCallingKeyQuery, Versioned<KeyView>>(
      new GetCallingKeyQuery(principal),
    );
    return { data: toOpenRouterCurrentKey(key) };
  }
}
