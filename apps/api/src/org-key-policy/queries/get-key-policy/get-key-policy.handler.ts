import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { canReadOrgKeyPolicy, DomainError, Principal } from '@keyledger/domain';
import { OrgKeyPolicies, VersionedOrgKeyPolicy } from '../../org-key-policies';

export class GetKeyPolicyQuery {
  constructor(
    readonly principal: Principal,
    readonly orgId: string,
  ) {}
}

/** An org's key policy for its members; to anyone else the org is as missing as an unknown one. */
@QueryHandler(GetKeyPolicyQuery)
export class GetKeyPolicyHandler implements IQueryHandler<
  GetKeyPolicyQuery,
  VersionedOrgKeyPolicy
> {
  constructor(private readonly policies: OrgKeyPolicies) {}

  execute({ principal, orgId }: GetKeyPolicyQuery): Promise<VersionedOrgKeyPolicy> {
    if (!canReadOrgKeyPolicy(principal, orgId)) {
      throw new DomainError('not_found', 'Organization not found.');
    }
    return this.policies.of(orgId);
  }
}
