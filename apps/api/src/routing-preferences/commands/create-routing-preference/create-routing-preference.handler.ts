import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { canCreatePreferenceIn, IdGenerator, Principal } from '@keyledger/domain';
import { ID_GENERATOR } from '../../../infrastructure/tokens';
import { ReadYourWrites } from '../../../shared/consistency/read-your-writes';
import { RequestContext } from '../../../shared/request-context/request-context';
import { WritePipeline } from '../../../shared/writes/write-pipeline';
import { lastPosition, WriteResult } from '../../../shared/writes/write-result';
import { DefaultPreferences } from '../../default-preferences';
import { livePreference } from '../../live-preference';
import { mayNotManage, preferenceStreamOf } from '../../preference-directory';
import { PreferenceView, toPreferenceView } from '../../preference-view';
import { CreateRoutingPreferenceInput } from '../../routing-content.input';

export class CreateRoutingPreferenceCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly request: CreateRoutingPreferenceInput,
  ) {}
}

/** Creates a personal or team preference, and promotes it to its scope's default if asked. */
@CommandHandler(CreateRoutingPreferenceCommand)
export class CreateRoutingPreferenceHandler implements ICommandHandler<
  CreateRoutingPreferenceCommand,
  WriteResult<PreferenceView>
> {
  constructor(
    private readonly pipeline: WritePipeline,
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
    const created = await this.pipeline.write(
      { principal, context, ifMatch: null },
      {
        find: () => ({ id: this.ids.next(), org_id: orgId }),
        streamOf: preferenceStreamOf,
        commands: ({ id }, now) => [
          {
            type: 'CreateRoutingPreference' as const,
            ...content,
            preference_id: id,
            scope,
            author_user_id: principal.user_id,
            org_id: orgId,
            now,
          },
        ],
        // After the decider, so a team preference without an active org is a 400, not a 403.
        beforeAppend: () => {
          if (!canCreatePreferenceIn(principal, scope, orgId)) throw mayNotManage(scope);
        },
      },
    );
    const preference = livePreference(created.state);
    // The preference is written before its promotion: a failure in between leaves an ordinary
    // preference (PATCH `is_default: true` completes it), never a default naming nothing.
    const promoted = is_default ? await this.defaults.mark(preference, true, created.moment) : null;
    return this.readYourWrites.settle(toPreferenceView(preference, is_default === true), {
      revision: created.revision,
      position: lastPosition(created.position, promoted),
    });
  }
}
