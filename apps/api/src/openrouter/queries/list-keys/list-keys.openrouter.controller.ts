import { Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { KeyPage, ListKeysQuery } from '../../../keys/queries/list-keys/list-keys.handler';
import { OpenRouterKeysController } from '../../openrouter-controller.decorator';
import { toOpenRouterKey } from '../../openrouter-key';
import { OpenRouterListKeysRequestDto } from './list-keys.openrouter.request.dto';
import { offsetPage, OPENROUTER_PAGE_SIZE } from './offset-page';
import { toListFilters } from './to-list-filters';
import { OpenRouterKeyList } from '../../openrouter-answers';
import { OpenRouterKeyListResponse } from '../../openrouter.response';

@OpenRouterKeysController()
export class ListKeysOpenRouterController {
  constructor(private readonly queries: QueryBus) {}

  /** OpenRouter's `GET /keys`: up to 100 keys the caller can see, newest first, from `offset`. */
  @Get()
  @ApiOkResponse({
    description: "`{ data: Key[] }` in OpenRouter's field names.",
    type: OpenRouterKeyListResponse,
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: OpenRouterListKeysRequestDto,
  ): Promise<OpenRouterKeyList> {
    const filters = toListFilters(query);
    const keys = await offsetPage(
      (cursor) =>
        this.queries.execute<ListKeysQuery, KeyPage>(
          new ListKeysQuery(principal, { ...filters, cursor }),
        ),
      query.offset ?? 0,
      OPENROUTER_PAGE_SIZE,
    );
    return { data: keys.map(toOpenRouterKey) };
  }
}
