import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  canCreatePreferenceIn,
  Clock,
  IdGenerator,
  Principal,
  routingPreferenceDecider,
  routingPreferenceStream,
} from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { CLOCK, EVENT_STORE, ID_GENERATOR } from '../../../infrastructure/tokens';
import { decideAndAppend } from '@keyledger/commands';
import { eventMetadata, RequestContext } from '../../../shared/request-context/request-context';
import { DefaultPreferences } from '../../default-preferences';
import { livePreference } from '../../live-preference';
import { mayNotManage } from '../../preference-directory';
import { PreferenceView, toPreferenceView } from '../../preference-view';
import { ReadYourWrites } from '../../read-your-writes';
import { lastPosition, WriteResult } from '../../write-result';
import { CreateRoutingPreferenceRequestDto } from './create-routing-preference.request.dto';

export class CreateRoutingPreferenceCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly request: CreateRoutingPreferenceRequestDto,
  ) {}
}

/** Creates a personal or team preference, and promotes it to its scope's default if asked. */
@CommandHandler(CreateRoutingPreferenceCommand)
export class CreateRoutingPreferenceHandler implements ICommandHandler<
  CreateRoutingPreferenceCommand,
  WriteResult<PreferenceView>
> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly defaults: DefaultPreferences,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async execute({
    principal,
    context,
    request,
  }: CreateRoutingPreferenceCommand): Promise<WriteResult<PreferenceView>> {
    const { is_default, scope = 'personal', ...content } = request;
    const orgId = scope === 'team' ? principal.active_org_id : null;
    const preferenceId = this.ids.next();
    const now = this.clock.now();
    const metadata = eventMetadata(principal, context, orgId, now);
    const created = await decideAndAppend(
      this.events,
      routingPreferenceDecider,
      routingPreferenceStream(preferenceId),
      {
        type: 'CreateRoutingPreference',
        ...content,
        preference_id: preferenceId,
        scope,
        author_user_id: principal.user_id,
        org_id: orgId,
        now: now.toISOString(),
      },
      metadata,
      // After the decider, so a team preference without an active org is a 400, not a 403.
      {
        beforeAppend: () => {
          if (!canCreatePreferenceIn(principal, scope, orgId)) throw mayNotManage(scope);
        },
      },
    );
    const preference = livePreference(created.state);
    // The preference is written before its promotion: a failure in between leaves an ordinary
    // preference (PATCH `is_default: true` completes it), never a default naming nothing.
    const promoted = is_default ? await this.defaults.mark(preference, true, metadata) : null;
    return this.readYourWrites.settle(toPreferenceView(preference, is_default === true), {
      revision: created.revision,
      position: lastPosition(created.position, promoted),
    });
  }
}
