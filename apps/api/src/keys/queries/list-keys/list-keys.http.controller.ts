import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '@keyledger/domain';
import { KeyDocument, Page } from '@keyledger/read-models';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { WaitsForMinPosition } from '../../../shared/http/min-position';
import { KeyPageResponse } from '../../key.response';
import { KeyPageBody } from './key-page-body';
import { ListKeyDocumentsQuery } from './list-keys.handler';
import { ListKeysRequestDto } from './list-keys.request.dto';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('api/v1/keys')
export class ListKeysHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly body: KeyPageBody,
  ) {}

  /** Keys the caller can see; never a secret. The body is written as `KeyPageResponse` (KeyPageBody). */
  @Get()
  @WaitsForMinPosition()
  @ApiOkResponse({ description: '`{ data: Key[], next_cursor }`', type: KeyPageResponse })
  @Header('Content-Type', 'application/json; charset=utf-8')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() filters: ListKeysRequestDto,
  ): Promise<Buffer> {
    const page = await this.queries.execute<ListKeyDocumentsQuery, Page<KeyDocument>>(
      new ListKeyDocumentsQuery(principal, filters),
    );
    return this.body.of(page);
  }
}
