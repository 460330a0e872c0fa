import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditTree, auditLeafOf, InclusionProof } from '@keyledger/audit-tree';
import { DomainError, invalid, Principal } from '@keyledger/domain';
import { ProofAccess } from '../../tree/proof-access';

export class GetInclusionProofQuery {
  constructor(
    readonly principal: Principal,
    readonly eventId: string,
    readonly treeSize: number | undefined,
  ) {}
}

const notFound = () => new DomainError('not_found', 'Event not found.');

/**
 * Where an event the caller's audit log shows sits in the tree, and the path to the root of a
 * tree size: the latest head's, signed now if no head covers the event yet.
 */
@QueryHandler(GetInclusionProofQuery)
export class GetInclusionProofHandler implements IQueryHandler<
  GetInclusionProofQuery,
  InclusionProof
> {
  constructor(
    private readonly tree: AuditTree,
    private readonly access: ProofAccess,
  ) {}

  async execute({ principal, eventId, treeSize }: GetInclusionProofQuery): Promise<InclusionProof> {
    this.access.assertMayReadTree(principal);
    const leaf = await this.tree.leafOf(eventId);
    const event = leaf === null ? null : await this.tree.eventOf(leaf);
    // An event the caller may not see answers exactly like a missing one.
    if (leaf === null || event === null || !(await this.access.mayProve(principal, event))) {
      throw notFound();
    }
    const size = treeSize ?? this.tree.currentHead().tree_size;
    if (size <= leaf.leaf_index || size > this.tree.store.size) {
      throw invalid([
        {
          field: 'tree_size',
          message: `must be above the event's leaf index ${leaf.leaf_index} and at most the tree size ${this.tree.store.size}`,
        },
      ]);
    }
    return {
      leaf_index: leaf.leaf_index,
      tree_size: size,
      leaf: auditLeafOf(event),
      audit_path: this.tree.inclusionPath(leaf.leaf_index, size),
    };
  }
}
