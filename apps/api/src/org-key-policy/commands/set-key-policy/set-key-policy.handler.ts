import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  canReadOrgKeyPolicy,
  canSetOrgKeyPolicy,
  Clock,
  DomainError,
  orgKeyPolicyDecider,
  orgStream,
  Principal,
} from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { CLOCK, EVENT_STORE } from '../../../infrastructure/tokens';
import { decideAndAppend } from '@keyledger/commands';
import { WriteReceipt } from '../../../shared/http/write-headers';
import { eventMetadata, RequestContext } from '../../../shared/request-context/request-context';
import { VersionedOrgKeyPolicy } from '../../org-key-policies';
import { SetKeyPolicyRequestDto } from './set-key-policy.request.dto';

export class SetKeyPolicyCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly orgId: string,
    readonly body: SetKeyPolicyRequestDto,
    readonly ifMatch: number | null,
  ) {}
}

/** The policy as set, with the write's receipt. */
export interface SetKeyPolicyResult extends WriteReceipt {
  readonly state: VersionedOrgKeyPolicy;
}

/**
 * Replaces an org's key policy: one OrgKeyPolicySet on `org-<id>` at the revision it was decided
 * on (If-Match → 412). The instance that wrote it applies it to resolution before answering.
 */
@CommandHandler(SetKeyPolicyCommand)
export class SetKeyPolicyHandler implements ICommandHandler<
  SetKeyPolicyCommand,
  SetKeyPolicyResult
> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    principal,
    context,
    orgId,
    body,
    ifMatch,
  }: SetKeyPolicyCommand): Promise<SetKeyPolicyResult> {
    if (!canSetOrgKeyPolicy(principal, orgId)) {
      throw canReadOrgKeyPolicy(principal, orgId)
        ? new DomainError('forbidden', "Setting the org's key policy needs manageApiKeys there.")
        : new DomainError('not_found', 'Organization not found.');
    }
    const now = this.clock.now();
    const { reason, ...policy } = body;
    const outcome = await decideAndAppend(
      this.events,
      orgKeyPolicyDecider,
      orgStream(orgId),
      { type: 'SetOrgKeyPolicy', org_id: orgId, policy, reason, now: now.toISOString() },
      eventMetadata(principal, context, orgId, now),
      { ifMatch },
    );
    const { state, revision, position } = outcome;
    return { state: { ...state, revision }, revision, position };
  }
}
