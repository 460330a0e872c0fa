import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { TreeHead } from '@keyledger/audit-tree';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { AuditLogResponses } from '../../audit-responses';
import { GetTreeHeadQuery } from './get-tree-head.handler';
import { GetTreeHeadRequestDto } from './get-tree-head.request.dto';
import { TreeHeadResponse } from '../../audit.response';

@ApiTags('audit')
@Controller('api/v1/audit')
export class GetTreeHeadHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** The signed head of the audit Merkle tree. */
  @Get('tree-head')
  @AuditLogResponses()
  @ApiOperation({
    summary: 'A signed tree head of the audit log',
    description:
      'Every event is a leaf of an RFC 9162 Merkle tree, in global order. The head signs its size ' +
      'and root (Ed25519 over the JCS of `{ tree_size, root_hash, timestamp }`). Keep heads ' +
      'elsewhere: a later consistency proof shows the log only grew since.',
  })
  @ApiOkResponse({
    description: '`{ tree_size, root_hash, timestamp, key_id, signature }`',
    type: TreeHeadResponse,
  })
  @ApiResponse({ status: 404, description: '`not_found`: no head is kept at that `tree_size`.' })
  head(
    @CurrentPrincipal() principal: Principal,
    @Query() query: GetTreeHeadRequestDto,
  ): Promise<TreeHead> {
    return this.queries.execute(new GetTreeHeadQuery(principal, query.tree_size));
  }
}
