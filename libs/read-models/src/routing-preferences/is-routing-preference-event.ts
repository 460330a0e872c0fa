import { RoutingPreferenceEvent } from '@keyledger/domain';
import { eventGuard } from '../projection/event-guard';

/** Whether a stored event is one of the routing preference events this version knows. */
export const isRoutingPreferenceEvent = eventGuard<RoutingPreferenceEvent>({
  RoutingPreferenceCreated: true,
  RoutingPreferenceUpdated: true,
  RoutingPreferenceEnabled: true,
  RoutingPreferenceDisabled: true,
  RoutingPreferenceDeleted: true,
});
