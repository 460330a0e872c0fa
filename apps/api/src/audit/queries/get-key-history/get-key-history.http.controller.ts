import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { WaitsForMinPosition } from '../../../shared/http/min-position';
import { GetKeyHistoryQuery, KeyHistory } from './get-key-history.handler';
import { KeyHistoryResponse } from '../../audit.response';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/keys')
export class GetKeyHistoryHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** Every change to the key, oldest first, with who made it, when and from where. */
  @Get(':id/history')
  @WaitsForMinPosition()
  @ApiOperation({
    summary: "A key's history",
    description:
      'Every event of the key, in order, with its metadata (actor, org, request, correlation and ' +
      'causation ids, IP, user agent, time), a label and a one-line summary. Never a secret.',
  })
  @ApiParam({ name: 'id', description: 'The key id, or the hash of its secret.' })
  @ApiOkResponse({
    description:
      '`{ key_id, data: [{ id, type, label, summary, revision, position, recorded_at, metadata, data }] }`',
    type: KeyHistoryResponse,
  })
  @ApiResponse({
    status: 400,
    description: '`invalid_min_position`: a malformed `X-Min-Position`.',
  })
  @ApiResponse({
    status: 401,
    description: '`authentication_required`, `invalid_token` or `invalid_api_key`.',
  })
  @ApiResponse({ status: 404, description: '`not_found`: missing, or not visible to the caller.' })
  history(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<KeyHistory> {
    return this.queries.execute<GetKeyHistoryQuery, KeyHistory>(
      new GetKeyHistoryQuery(principal, id),
    );
  }
}
