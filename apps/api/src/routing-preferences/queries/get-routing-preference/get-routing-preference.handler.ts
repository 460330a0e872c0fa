import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Principal, routingPreferenceStream } from '@keyledger/domain';
import { PreferenceDirectory } from '../../preference-directory';
import { PreferenceView, toPreferenceView } from '../../preference-view';
import { StreamRevision, Versioned } from '../../stream-revision';

export class GetRoutingPreferenceQuery {
  constructor(
    readonly principal: Principal,
    readonly id: string,
  ) {}
}

/** One visible preference and its revision; invisible or deleted ones are as missing as absent ones. */
@QueryHandler(GetRoutingPreferenceQuery)
export class GetRoutingPreferenceHandler implements IQueryHandler<
  GetRoutingPreferenceQuery,
  Versioned<PreferenceView>
> {
  constructor(
    private readonly directory: PreferenceDirectory,
    private readonly revisions: StreamRevision,
  ) {}

  async execute({ principal, id }: GetRoutingPreferenceQuery): Promise<Versioned<PreferenceView>> {
    const preference = await this.directory.findVisible(principal, id);
    return {
      data: toPreferenceView(preference, preference.is_default),
      revision: await this.revisions.of(routingPreferenceStream(preference.id)),
    };
  }
}
