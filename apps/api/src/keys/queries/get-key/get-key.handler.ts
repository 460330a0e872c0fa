import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { KeyDirectory } from '../../key-directory';
import { KeyView, toKeyView } from '../../key-view';

export class GetKeyQuery {
  constructor(
    readonly principal: Principal,
    readonly idOrHash: string,
  ) {}
}

/** One visible key by id or hash; an invisible key is as missing as an absent one. */
@QueryHandler(GetKeyQuery)
export class GetKeyHandler implements IQueryHandler<GetKeyQuery, KeyView> {
  constructor(private readonly directory: KeyDirectory) {}

  async execute({ principal, idOrHash }: GetKeyQuery): Promise<KeyView> {
    return toKeyView(await this.directory.findVisible(principal, idOrHash));
  }
}
