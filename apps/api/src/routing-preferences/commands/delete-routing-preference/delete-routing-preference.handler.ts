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
import { PreferenceDirectory } from '../../preference-directory';
import { MetadataFor, PreferenceUnbinder } from '../../preference-unbinder';
import { ReadYourWrites } from '../../read-your-writes';
import { lastPosition, WriteResult } from '../../write-result';

export class DeleteRoutingPreferenceCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly id: string,
    readonly ifMatch: number | null,
  ) {}
}

/**
 * Deletes a preference across three kinds of stream, which no event store writes atomically:
 * 1. `RoutingPreferenceDeleted` on the preference's stream, guarded by If-Match: the commit point.
 *    From here on routing skips the preference everywhere, so a crash after it leaves nothing
 *    that routes wrongly, only references to tidy.
 * 2. `DefaultPreferenceCleared` on the owner's stream, if it was the default.
 * 3. `PreferenceUnbound { reason: 'preference_deleted' }` on each bound key's stream.
 * Steps 2 and 3 are idempotent, and a repeated DELETE of a preference that is already deleted
 * runs them again (and answers 204), so retrying a request that failed midway completes it.
 */
@CommandHandler(DeleteRoutingPreferenceCommand)
export class DeleteRoutingPreferenceHandler implements ICommandHandler<
  DeleteRoutingPreferenceCommand,
  WriteResult<null>
> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: PreferenceDirectory,
    private readonly defaults: DefaultPreferences,
    private readonly unbinder: PreferenceUnbinder,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async execute({
    principal,
    context,
    id,
    ifMatch,
  }: DeleteRoutingPreferenceCommand): Promise<WriteResult<null>> {
    const preference = await this.directory.findManageable(principal, id, {
      includeDeleted: true,
    });
    const now = this.clock.now();
    const metadataFor: MetadataFor = (orgId) => eventMetadata(principal, context, orgId, now);
    // If-Match guarded the deletion; a retry that only finishes the cleanup has nothing to guard.
    const deletion = preference.deleted
      ? null
      : await decideAndAppend(
          this.events,
          routingPreferenceDecider,
          routingPreferenceStream(preference.id),
          { type: 'DeleteRoutingPreference', now: now.toISOString() },
          metadataFor(preference.org_id),
          { ifMatch },
        );
    const deletedAt = deletion?.position ?? null;
    const demoted = await this.defaults.mark(preference, false, metadataFor(preference.org_id));
    const unbound = await this.unbinder.detachAll(
      preference.id,
      deletedAt,
      metadataFor,
      now.toISOString(),
    );
    return this.readYourWrites.settle(null, {
      revision: deletion?.revision ?? null,
      position: lastPosition(deletedAt, demoted, unbound),
    });
  }
}
