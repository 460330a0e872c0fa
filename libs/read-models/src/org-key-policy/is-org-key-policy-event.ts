import { OrgKeyPolicyEvent } from '@keyledger/domain';
import { eventGuard } from '../projection/event-guard';

/** Whether a stored event is one of the org key policy events this version knows. */
export const isOrgKeyPolicyEvent = eventGuard<OrgKeyPolicyEvent>({ OrgKeyPolicySet: true });
