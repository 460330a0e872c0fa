import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditTree, ConsistencyProof } from '@keyledger/audit-tree';
import { invalid, Principal } from '@keyledger/domain';
import { ProofAccess } from '../../tree/proof-access';

export class GetConsistencyProofQuery {
  constructor(
    readonly principal: Principal,
    readonly first: number,
    readonly second: number,
  ) {}
}

/** That the tree of `second` leaves extends the tree of `first`: hashes only, no event. */
@QueryHandler(GetConsistencyProofQuery)
export class GetConsistencyProofHandler implements IQueryHandler<
  GetConsistencyProofQuery,
  ConsistencyProof
> {
  constructor(
    private readonly tree: AuditTree,
    private readonly access: ProofAccess,
  ) {}

  async execute({ principal, first, second }: GetConsistencyProofQuery): Promise<ConsistencyProof> {
    this.access.assertMayReadTree(principal);
    if (second > this.tree.store.size) await this.tree.catchUp();
    const size = this.tree.store.size;
    const fields = [
      ...(first > second ? [{ field: 'first', message: 'must not be greater than second' }] : []),
      ...(second > size
        ? [{ field: 'second', message: `must be at most the tree size ${size}` }]
        : []),
    ];
    if (fields.length > 0) throw invalid(fields);
    return { first, second, proof: this.tree.consistencyProof(first, second) };
  }
}
