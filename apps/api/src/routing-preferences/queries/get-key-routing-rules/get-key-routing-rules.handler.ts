import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { KeyRoutingRulesView, toKeyRoutingRulesView } from '../../key-routing-view';
import { KeyRoutingReader } from '../../key-routing-reader';
import { Versioned } from '../../../shared/writes/write-result';

export class GetKeyRoutingRulesQuery {
  constructor(
    readonly principal: Principal,
    readonly idOrHash: string,
  ) {}
}

/** A visible key's own routing rules (empty, `has_routing_rules: false`, when it has none). */
@QueryHandler(GetKeyRoutingRulesQuery)
export class GetKeyRoutingRulesHandler implements IQueryHandler<
  GetKeyRoutingRulesQuery,
  Versioned<KeyRoutingRulesView>
> {
  constructor(private readonly reader: KeyRoutingReader) {}

  execute({
    principal,
    idOrHash,
  }: GetKeyRoutingRulesQuery): Promise<Versioned<KeyRoutingRulesView>> {
    return this.reader.read(principal, idOrHash, toKeyRoutingRulesView);
  }
}
