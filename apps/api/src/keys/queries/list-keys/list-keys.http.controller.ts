import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '@keyledger/domain';
import { SerializedAsDocumented } from '../../../openapi/openapi-serializers';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { WaitsForMinPosition } from '../../../shared/http/min-position';
import { KeyPageResponse } from '../../key.response';
import { KeyPage, ListKeysQuery } from './list-keys.handler';
import { ListKeysRequestDto } from './list-keys.request.dto';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('api/v1/keys')
export class ListKeysHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** Keys the caller can see; never a secret. */
  @Get()
  @WaitsForMinPosition()
  @ApiOkResponse({ description: '`{ data: Key[], next_cursor }`', type: KeyPageResponse })
  @SerializedAsDocumented(KeyPageResponse)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() filters: ListKeysRequestDto,
  ): Promise<KeyPage> {
    return this.queries.execute<ListKeysQuery, KeyPage>(new ListKeysQuery(principal, filters));
  }
}
