import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditTree, TreeHead } from '@keyledger/audit-tree';
import { DomainError, Principal } from '@keyledger/domain';
import { ProofAccess } from '../../tree/proof-access';

export class GetTreeHeadQuery {
  constructor(
    readonly principal: Principal,
    readonly treeSize: number | undefined,
  ) {}
}

/** The latest signed head, covering every event stored when asked; or a stored one by size. */
@QueryHandler(GetTreeHeadQuery)
export class GetTreeHeadHandler implements IQueryHandler<GetTreeHeadQuery, TreeHead> {
  constructor(
    private readonly tree: AuditTree,
    private readonly access: ProofAccess,
  ) {}

  async execute({ principal, treeSize }: GetTreeHeadQuery): Promise<TreeHead> {
    this.access.assertMayReadTree(principal);
    if (treeSize === undefined) {
      await this.tree.catchUp();
      return this.tree.currentHead();
    }
    const head = this.tree.store.headAt(treeSize);
    if (head === null)
      throw new DomainError('not_found', `No tree head is kept at size ${treeSize}.`);
    return head;
  }
}
