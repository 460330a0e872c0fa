import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@keyledger/event-store';
import { orgKeyPolicyOf, VersionedOrgKeyPolicy } from '@keyledger/runtime';
import { EVENT_STORE } from '../infrastructure/tokens';

export type { VersionedOrgKeyPolicy } from '@keyledger/runtime';

/** Orgs' key policies, read from each org's stream (see `orgKeyPolicyOf`). */
@Injectable()
export class OrgKeyPolicies {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  /** The org's current policy (NO_KEY_POLICY when it never set one). */
  of(orgId: string): Promise<VersionedOrgKeyPolicy> {
    return orgKeyPolicyOf(this.events, orgId);
  }
}
