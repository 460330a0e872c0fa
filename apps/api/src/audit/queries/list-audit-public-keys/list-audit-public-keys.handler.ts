import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditPublicKey, AuditTree } from '@keyledger/audit-tree';
import { Principal } from '@keyledger/domain';
import { ProofAccess } from '../../tree/proof-access';

export class ListAuditPublicKeysQuery {
  constructor(readonly principal: Principal) {}
}

/** Every key that ever signed a head, so heads signed before a rotation stay verifiable. */
export interface AuditPublicKeys {
  readonly data: AuditPublicKey[];
}

@QueryHandler(ListAuditPublicKeysQuery)
export class ListAuditPublicKeysHandler implements IQueryHandler<
  ListAuditPublicKeysQuery,
  AuditPublicKeys
> {
  constructor(
    private readonly tree: AuditTree,
    private readonly access: ProofAccess,
  ) {}

  async execute({ principal }: ListAuditPublicKeysQuery): Promise<AuditPublicKeys> {
    this.access.assertMayReadTree(principal);
    return { data: this.tree.store.publicKeys() };
  }
}
