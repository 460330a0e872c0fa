import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EffectiveRouting, Principal, resolveEffectiveRouting } from '@keyledger/domain';
import { KeyDirectory } from '../../../keys/key-directory';
import { PreferenceDirectory } from '../../preference-directory';

export class GetEffectiveRoutingQuery {
  constructor(
    readonly principal: Principal,
    readonly idOrHash: string,
  ) {}
}

/** What a request with this key routes by, and where that comes from (SPEC §4 precedence). */
@QueryHandler(GetEffectiveRoutingQuery)
export class GetEffectiveRoutingHandler implements IQueryHandler<
  GetEffectiveRoutingQuery,
  EffectiveRouting
> {
  constructor(
    private readonly keys: KeyDirectory,
    private readonly preferences: PreferenceDirectory,
  ) {}

  async execute({ principal, idOrHash }: GetEffectiveRoutingQuery): Promise<EffectiveRouting> {
    const key = await this.keys.findVisible(principal, idOrHash);
    // Every candidate is looked up; the domain decides which applies, skipping disabled or deleted ones.
    const [boundPreference, orgDefault, userDefault] = await Promise.all([
      key.routing_preference_id === null
        ? null
        : this.preferences.preferences.get(key.routing_preference_id),
      key.org_id === null ? null : this.preferences.defaultOf({ kind: 'org', org_id: key.org_id }),
      this.preferences.defaultOf({ kind: 'user', user_id: key.owner_user_id }),
    ]);
    return resolveEffectiveRouting({ key, boundPreference, orgDefault, userDefault });
  }
}
