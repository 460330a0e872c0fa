import { UsageEvent } from '@keyledger/domain/usage/usage.events';
import { eventGuard } from '@keyledger/read-models';

// The key, preference and default guards are the read models' own: one list of known types.
export {
  isDefaultPreferenceEvent,
  isKeyEvent,
  isOrgKeyPolicyEvent,
  isRoutingPreferenceEvent,
} from '@keyledger/read-models';

/** Whether a stored event records usage. */
export const isUsageEvent = eventGuard<UsageEvent>({ KeyUsageRecorded: true });
