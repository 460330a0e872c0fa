import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { answerRead } from '../../../shared/http/answers';
import { KeyPolicyEnvelope, toKeyPolicyView } from '../../key-policy-view';
import { KeyPolicyEnvelopeResponse } from '../../key-policy.response';
import { VersionedOrgKeyPolicy } from '../../org-key-policies';
import { GetKeyPolicyQuery } from './get-key-policy.handler';

@ApiTags('key policies')
@ApiBearerAuth()
@Controller('api/v1/orgs')
export class GetKeyPolicyHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** The org's key policy (every rule off until one is set); the `ETag` is what `If-Match` sends back. */
  @Get(':org_id/key-policy')
  @ApiOkResponse({ description: '`{ data: KeyPolicy }`', type: KeyPolicyEnvelopeResponse })
  @ApiResponse({ status: 404, description: '`not_found`: not a member of the org.' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('org_id') orgId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyPolicyEnvelope> {
    const state = await this.queries.execute<GetKeyPolicyQuery, VersionedOrgKeyPolicy>(
      new GetKeyPolicyQuery(principal, orgId),
    );
    return {
      data: toKeyPolicyView(orgId, answerRead(reply, { data: state, revision: state.revision })),
    };
  }
}
