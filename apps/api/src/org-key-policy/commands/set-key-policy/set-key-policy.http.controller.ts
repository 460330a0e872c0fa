import { Body, Controller, Headers, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '@keyledger/domain';
import { CurrentPrincipal } from '../../../auth/current-principal.decorator';
import { parseIfMatch } from '../../../shared/http/if-match';
import { setWriteHeaders } from '../../../shared/http/write-headers';
import { Context } from '../../../shared/request-context/request-context.decorator';
import { RequestContext } from '../../../shared/request-context/request-context';
import { KeyPolicyEnvelope, toKeyPolicyView } from '../../key-policy-view';
import { KeyPolicyEnvelopeResponse } from '../../key-policy.response';
import { SetKeyPolicyCommand, SetKeyPolicyResult } from './set-key-policy.handler';
import { SetKeyPolicyRequestDto } from './set-key-policy.request.dto';

@ApiTags('key policies')
@ApiBearerAuth()
@Controller('api/v1/orgs')
export class SetKeyPolicyHttpController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * Replaces the org's key policy. From then on creates, updates and rotations of its keys must
   * keep it (400 `policy_violation`); under `all_keys`, resolve also refuses keys that do not
   * (403 `policy_violation`) — at once on this instance, within the subscription's delay on others.
   */
  @Put(':org_id/key-policy')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag last read: refused with 412 `precondition_failed` when stale.',
  })
  @ApiOkResponse({ description: '`{ data: KeyPolicy }` as set.', type: KeyPolicyEnvelopeResponse })
  @ApiResponse({ status: 403, description: '`forbidden`: needs manageApiKeys in the org.' })
  @ApiResponse({ status: 404, description: '`not_found`: not a member of the org.' })
  async set(
    @CurrentPrincipal() principal: Principal,
    @Context() context: RequestContext,
    @Param('org_id') orgId: string,
    @Body() body: SetKeyPolicyRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyPolicyEnvelope> {
    const result = await this.commands.execute<SetKeyPolicyCommand, SetKeyPolicyResult>(
      new SetKeyPolicyCommand(principal, context, orgId, body, parseIfMatch(ifMatch)),
    );
    setWriteHeaders(reply, result);
    return { data: toKeyPolicyView(orgId, result.state) };
  }
}
