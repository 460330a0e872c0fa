import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { KeyPreferenceView, toKeyPreferenceView } from '../../key-routing-view';
import { KeyRoutingReader } from '../../key-routing-reader';
import { Versioned } from '../../../shared/writes/write-result';

export class GetKeyPreferenceQuery {
  constructor(
    readonly principal: Principal,
    readonly idOrHash: string,
  ) {}
}

/** The preference a visible key is bound to, if any. */
@QueryHandler(GetKeyPreferenceQuery)
export class GetKeyPreferenceHandler implements IQueryHandler<
  GetKeyPreferenceQuery,
  Versioned<KeyPreferenceView>
> {
  constructor(private readonly reader: KeyRoutingReader) {}

  execute({ principal, idOrHash }: GetKeyPreferenceQuery): Promise<Versioned<KeyPreferenceView>> {
    return this.reader.read(principal, idOrHash, toKeyPreferenceView);
  }
}
