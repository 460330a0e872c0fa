import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ReadYourWrites } from '../../../shared/consistency/read-your-writes';
import { CommandTarget } from '../../../shared/http/command-target';
import { WritePipeline } from '../../../shared/writes/write-pipeline';
import { lastPosition, WriteResult } from '../../../shared/writes/write-result';
import { DefaultPreferences } from '../../default-preferences';
import { PreferenceDirectory, preferenceStreamOf } from '../../preference-directory';
import { PreferenceUnbinder } from '../../preference-unbinder';

export class DeleteRoutingPreferenceCommand {
  constructor(readonly target: CommandTarget) {}
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
    private readonly pipeline: WritePipeline,
    private readonly directory: PreferenceDirectory,
    private readonly defaults: DefaultPreferences,
    private readonly unbinder: PreferenceUnbinder,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async execute({ target }: DeleteRoutingPreferenceCommand): Promise<WriteResult<null>> {
    const preference = await this.directory.findManageable(target.principal, target.id, {
      includeDeleted: true,
    });
    const moment = this.pipeline.moment(target);
    // If-Match guarded the deletion; a retry that only finishes the cleanup has nothing to guard.
    const deletion = preference.deleted
      ? null
      : await this.pipeline.write(
          target,
          {
            find: () => preference,
            streamOf: preferenceStreamOf,
            commands: (_, now) => [{ type: 'DeleteRoutingPreference', now }],
          },
          moment,
        );
    const deletedAt = deletion?.position ?? null;
    const demoted = await this.defaults.mark(preference, false, moment);
    const unbound = await this.unbinder.detachAll(preference.id, deletedAt, moment);
    return this.readYourWrites.settle(null, {
      revision: deletion?.revision ?? null,
      position: lastPosition(deletedAt, demoted, unbound),
    });
  }
}
