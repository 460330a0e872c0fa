import { DefaultPreferenceEvent } from '@keyledger/domain';
import { eventGuard } from '../projection/event-guard';

/** Whether a stored event is one of the default preference events this version knows. */
export const isDefaultPreferenceEvent = eventGuard<DefaultPreferenceEvent>({
  DefaultPreferenceSet: true,
  DefaultPreferenceCleared: true,
});
