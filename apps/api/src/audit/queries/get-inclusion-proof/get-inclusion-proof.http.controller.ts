import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InclusionProof } from '@keyledger/audit-tree';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { AuditLogResponses } from '../../audit-responses';
import { GetInclusionProofQuery } from './get-inclusion-proof.handler';
import { GetInclusionProofRequestDto } from './get-inclusion-proof.request.dto';
import { InclusionProofResponse } from '../../audit.response';

@ApiTags('audit')
@Controller('api/v1/audit/proofs')
export class GetInclusionProofHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** That an event is in the log, as a leaf of the tree a signed head commits to. */
  @Get('inclusion')
  @AuditLogResponses()
  @ApiOperation({
    summary: 'An inclusion proof for an event',
    description:
      'The leaf (the seven fields its hash covers), its index in global order, and the RFC 9162 ' +
      'audit path to the root of `tree_size` (default: the latest head). Only for events the ' +
      "caller's audit log shows.",
  })
  @ApiOkResponse({
    description: '`{ leaf_index, tree_size, leaf, audit_path: [hex] }`',
    type: InclusionProofResponse,
  })
  @ApiResponse({ status: 404, description: '`not_found`: no such event, or not visible.' })
  proof(
    @CurrentPrincipal() principal: Principal,
    @Query() query: GetInclusionProofRequestDto,
  ): Promise<InclusionProof> {
    return this.queries.execute(
      new GetInclusionProofQuery(principal, query.event_id, query.tree_size),
    );
  }
}
