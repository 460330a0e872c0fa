import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsistencyProof } from '@keyledger/audit-tree';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { AuditLogResponses } from '../../audit-responses';
import { GetConsistencyProofQuery } from './get-consistency-proof.handler';
import { GetConsistencyProofRequestDto } from './get-consistency-proof.request.dto';
import { ConsistencyProofResponse } from '../../audit.response';

@ApiTags('audit')
@Controller('api/v1/audit/proofs')
export class GetConsistencyProofHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** That the log of `second` events only appended to the log of `first`. */
  @Get('consistency')
  @AuditLogResponses()
  @ApiOperation({
    summary: 'A consistency proof between two tree sizes',
    description:
      'RFC 9162 proof that the first `first` leaves of the tree of `second` are the tree of ' +
      '`first`: nothing was rewritten, removed or reordered between two heads.',
  })
  @ApiOkResponse({
    description: '`{ first, second, proof: [hex] }`',
    type: ConsistencyProofResponse,
  })
  proof(
    @CurrentPrincipal() principal: Principal,
    @Query() query: GetConsistencyProofRequestDto,
  ): Promise<ConsistencyProof> {
    return this.queries.execute(new GetConsistencyProofQuery(principal, query.first, query.second));
  }
}
