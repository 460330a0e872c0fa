import { KeyLimitThresholdReached } from '@keyledger/domain';
import { eventGuard } from '../projection/event-guard';

/** Whether a stored event is a key's limit alert. */
export const isLimitAlertEvent = eventGuard<KeyLimitThresholdReached>({
  KeyLimitThresholdReached: true,
});
