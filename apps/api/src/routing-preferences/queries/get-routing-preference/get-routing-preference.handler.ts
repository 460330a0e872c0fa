import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Principal, routingPreferenceStream } from '@keyledger/domain';
import { PreferenceDirectory } from '../../preference-directory';
import { PreferenceView, toPreferenceView } from '../../preference-view';
import { ShownRevisions } from '../../../shared/consistency/shown-revisions';
import { Versioned } from '../../../shared/writes/write-result';

export class GetRoutingPreferenceQuery {
  constructor(
    readonly principal: Principal,
    readonly id: string,
  ) {}
}

/** One visible preference and the revision it shows; invisible or deleted ones are as missing as absent ones. */
@QueryHandler(GetRoutingPreferenceQuery)
export class GetRoutingPreferenceHandler implements IQueryHandler<
  GetRoutingPreferenceQuery,
  Versioned<PreferenceView>
> {
  constructor(
    private readonly directory: PreferenceDirectory,
    private readonly revisions: ShownRevisions,
  ) {}

  async execute({ principal, id }: GetRoutingPreferenceQuery): Promise<Versioned<PreferenceView>> {
    const { document, position } = await this.directory.findVisibleShown(principal, id);
    return {
      data: toPreferenceView(document, document.is_default),
      revision: await this.revisions.of(routingPreferenceStream(document.id), position),
    };
  }
}
