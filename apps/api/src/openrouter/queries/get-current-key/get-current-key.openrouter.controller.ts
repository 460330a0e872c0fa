import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { VersionedKey } from '../../../keys/key-reader';
import { GetCallingKeyQuery } from '../../../keys/queries/get-calling-key/get-calling-key.handler';
import { OpenRouterController } from '../../openrouter-controller.decorator';
import { OpenRouterCurrentKey, toOpenRouterCurrentKey } from '../../openrouter-current-key';

@OpenRouterController('key')
export class GetCurrentKeyOpenRouterController {
  constructor(private readonly queries: QueryBus) {}

  /** OpenRouter's `GET /key`: any key, management or not, describes itself. */
  @Get()
  @ApiOkResponse({ description: "`{ data: CurrentKey }` in OpenRouter's field names." })
  @ApiResponse({ status: 403, description: 'Called with a session token, which is no key.' })
  async get(@CurrentPrincipal() principal: Principal): Promise<{ data: OpenRouterCurrentKey }> {
    const { key } = await this.queries.execute<GetCallingKeyQuery, VersionedKey>(
      new GetCallingKeyQuery(principal),
    );
    return { data: toOpenRouterCurrentKey(key) };
  }
}
