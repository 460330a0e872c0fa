import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  canReadOrgKeyPolicy,
  canSetOrgKeyPolicy,
  DomainError,
  orgKeyPolicyDecider,
  orgStream,
  Principal,
} from '@keyledger/domain';
import { CommandTarget } from '../../../shared/http/command-target';
import { WritePipeline } from '../../../shared/writes/write-pipeline';
import { WriteResult } from '../../../shared/writes/write-result';
import { VersionedOrgKeyPolicy } from '../../org-key-policies';
import { SetKeyPolicyInput } from './set-key-policy.input';

export class SetKeyPolicyCommand {
  constructor(
    /** The org (its id in `target.id`) whose policy is set. */
    readonly target: CommandTarget,
    readonly body: SetKeyPolicyInput,
  ) {}
}

/**
 * Replaces an org's key policy: one OrgKeyPolicySet on `org-<id>` at the revision it was decided
 * on (If-Match → 412). The instance that wrote it applies it to resolution before answering.
 */
@CommandHandler(SetKeyPolicyCommand)
export class SetKeyPolicyHandler implements ICommandHandler<
  SetKeyPolicyCommand,
  WriteResult<VersionedOrgKeyPolicy>
> {
  constructor(private readonly pipeline: WritePipeline) {}

  async execute({
    target,
    body,
  }: SetKeyPolicyCommand): Promise<WriteResult<VersionedOrgKeyPolicy>> {
    const { reason, ...policy } = body;
    const { state, revision, position } = await this.pipeline.write(target, {
      find: () => manageableOrg(target.principal, target.id),
      streamOf: (orgId) => ({ decider: orgKeyPolicyDecider, stream: orgStream(orgId), orgId }),
      commands: (orgId, now) => [
        { type: 'SetOrgKeyPolicy' as const, org_id: orgId, policy, reason, now },
      ],
    });
    // Policies are read from the org's stream: every read already shows the write.
    return { data: { ...state, revision }, revision, position, visible: true };
  }
}

/** The org if the principal may set its policy: 403 for a member without the right, else 404. */
function manageableOrg(principal: Principal, orgId: string): string {
  if (canSetOrgKeyPolicy(principal, orgId)) return orgId;
  throw canReadOrgKeyPolicy(principal, orgId)
    ? new DomainError('forbidden', "Setting the org's key policy needs manageApiKeys there.")
    : new DomainError('not_found', 'Organization not found.');
}
