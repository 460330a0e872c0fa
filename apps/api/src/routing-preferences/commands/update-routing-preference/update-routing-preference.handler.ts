import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  Clock,
  Principal,
  routingPreferenceDecider,
  routingPreferenceStream,
} from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { CLOCK, EVENT_STORE } from '../../../infrastructure/tokens';
import { decideAndAppend } from '@keyledger/commands';
import { eventMetadata, RequestContext } from '../../../shared/request-context/request-context';
import { DefaultPreferences } from '../../default-preferences';
import { livePreference } from '../../live-preference';
import { PreferenceDirectory } from '../../preference-directory';
import { PreferenceView, toPreferenceView } from '../../preference-view';
import { ReadYourWrites } from '../../read-your-writes';
import { lastPosition, WriteResult } from '../../write-result';
import { UpdateRoutingPreferenceRequestDto } from './update-routing-preference.request.dto';

export class UpdateRoutingPreferenceCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly id: string,
    readonly request: UpdateRoutingPreferenceRequestDto,
    readonly ifMatch: number | null,
  ) {}
}

/** Replaces the named fields, toggles `enabled`, and promotes or demotes the default. */
@CommandHandler(UpdateRoutingPreferenceCommand)
export class UpdateRoutingPreferenceHandler implements ICommandHandler<
  UpdateRoutingPreferenceCommand,
  WriteResult<PreferenceView>
> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: PreferenceDirectory,
    private readonly defaults: DefaultPreferences,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async execute({
    principal,
    context,
    id,
    request,
    ifMatch,
  }: UpdateRoutingPreferenceCommand): Promise<WriteResult<PreferenceView>> {
    const current = await this.directory.findManageable(principal, id);
    const { is_default, ...changes } = request;
    const now = this.clock.now();
    const metadata = eventMetadata(principal, context, current.org_id, now);
    // Decided even when only `is_default` is sent: the decider refuses a deleted preference.
    const updated = await decideAndAppend(
      this.events,
      routingPreferenceDecider,
      routingPreferenceStream(current.id),
      { type: 'UpdateRoutingPreference', ...changes, now: now.toISOString() },
      metadata,
      { ifMatch },
    );
    const preference = livePreference(updated.state);
    // The preference's own change (guarded by If-Match) comes first; the owner stream's promotion
    // or demotion is idempotent, so repeating the PATCH completes one that failed in between.
    const marked =
      is_default === undefined ? null : await this.defaults.mark(preference, is_default, metadata);
    return this.readYourWrites.settle(
      toPreferenceView(preference, is_default ?? current.is_default),
      { revision: updated.revision, position: lastPosition(updated.position, marked) },
    );
  }
}
