import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ReadYourWrites } from '../../../shared/consistency/read-your-writes';
import { CommandTarget } from '../../../shared/http/command-target';
import { WritePipeline } from '../../../shared/writes/write-pipeline';
import { lastPosition, WriteResult } from '../../../shared/writes/write-result';
import { DefaultPreferences } from '../../default-preferences';
import { livePreference } from '../../live-preference';
import { PreferenceDirectory, preferenceStreamOf } from '../../preference-directory';
import { PreferenceView, toPreferenceView } from '../../preference-view';
import { UpdateRoutingPreferenceInput } from '../../routing-content.input';

export class UpdateRoutingPreferenceCommand {
  constructor(
    readonly target: CommandTarget,
    readonly request: UpdateRoutingPreferenceInput,
  ) {}
}

/** Replaces the named fields, toggles `enabled`, and promotes or demotes the default. */
@CommandHandler(UpdateRoutingPreferenceCommand)
export class UpdateRoutingPreferenceHandler implements ICommandHandler<
  UpdateRoutingPreferenceCommand,
  WriteResult<PreferenceView>
> {
  constructor(
    private readonly pipeline: WritePipeline,
    private readonly directory: PreferenceDirectory,
    private readonly defaults: DefaultPreferences,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async execute({
    target,
    request,
  }: UpdateRoutingPreferenceCommand): Promise<WriteResult<PreferenceView>> {
    const { is_default, ...changes } = request;
    // Decided even when only `is_default` is sent: the decider refuses a deleted preference.
    const updated = await this.pipeline.write(target, {
      find: () => this.directory.findManageable(target.principal, target.id),
      streamOf: preferenceStreamOf,
      commands: (_, now) => [{ type: 'UpdateRoutingPreference' as const, ...changes, now }],
    });
    const preference = livePreference(updated.state);
    // The preference's own change (guarded by If-Match) comes first; the owner stream's promotion
    // or demotion is idempotent, so repeating the PATCH completes one that failed in between.
    const marked =
      is_default === undefined
        ? null
        : await this.defaults.mark(preference, is_default, updated.moment);
    return this.readYourWrites.settle(
      toPreferenceView(preference, is_default ?? updated.subject.is_default),
      { revision: updated.revision, position: lastPosition(updated.position, marked) },
    );
  }
}
