import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { KeyView } from '../../key-view';
import { GetKeyQuery } from './get-key.handler';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('api/v1/keys')
export class GetKeyHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** A key by its id or its hash. */
  @Get(':id')
  @ApiOkResponse({ description: '`{ data: Key }`' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
  ): Promise<{ data: KeyView }> {
    return {
      data: await this.queries.execute<GetKeyQuery, KeyView>(new GetKeyQuery(principal, id)),
    };
  }
}
