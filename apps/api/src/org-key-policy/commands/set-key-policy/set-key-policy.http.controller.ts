import { Body, Controller, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { answerWrite } from '../../../shared/http/answers';
import { ApiIfMatch, CommandTarget, Target } from '../../../shared/http/command-target';
import { WriteResult } from '../../../shared/writes/write-result';
import { KeyPolicyEnvelope, toKeyPolicyView } from '../../key-policy-view';
import { KeyPolicyEnvelopeResponse } from '../../key-policy.response';
import { VersionedOrgKeyPolicy } from '../../org-key-policies';
import { SetKeyPolicyCommand } from './set-key-policy.handler';
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
  @ApiParam({ name: 'org_id', description: 'The organization.' })
  @ApiIfMatch()
  @ApiOkResponse({ description: '`{ data: KeyPolicy }` as set.', type: KeyPolicyEnvelopeResponse })
  @ApiResponse({ status: 403, description: '`forbidden`: needs manageApiKeys in the org.' })
  @ApiResponse({ status: 404, description: '`not_found`: not a member of the org.' })
  async set(
    @Target('org_id') target: CommandTarget,
    @Body() body: SetKeyPolicyRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KeyPolicyEnvelope> {
    const result = await this.commands.execute<
      SetKeyPolicyCommand,
      WriteResult<VersionedOrgKeyPolicy>
    >(new SetKeyPolicyCommand(target, body));
    return { data: toKeyPolicyView(target.id, answerWrite(reply, result)) };
  }
}
