import { DefaultPreferenceEvent, KeyEvent, RoutingPreferenceEvent } from '@keyledger/domain';
import { UsageEvent } from '@keyledger/domain/usage/usage.events';
import { RecordedEvent } from '@keyledger/event-store';

interface DomainEvent {
  readonly type: string;
  readonly data: object;
}

/**
 * A guard recognising one union's stored events by `type`. Listing every type (the compiler
 * checks that none is missing) keeps unknown or newer types out of the fold.
 */
function eventGuard<E extends DomainEvent>(types: {
  readonly [T in E['type']]: true;
}): (event: RecordedEvent) => event is RecordedEvent & E {
  const known = new Set<string>(Object.keys(types));
  return (event): event is RecordedEvent & E => known.has(event.type);
}

/** Whether a stored event is a key event this version knows. */
export const isKeyEvent = eventGuard<KeyEvent>({
  KeyCreated: true,
  KeyRenamed: true,
  KeyDisabled: true,
  KeyEnabled: true,
  KeyLimitSet: true,
  KeyLimitReset: true,
  KeyExpirySet: true,
  PreferenceBound: true,
  PreferenceUnbound: true,
  KeyRoutingRulesSet: true,
  KeyRoutingRulesCleared: true,
  KeySecretRotated: true,
  KeyRevoked: true,
});

/** Whether a stored event is a routing preference event this version knows. */
export const isRoutingPreferenceEvent = eventGuard<RoutingPreferenceEvent>({
  RoutingPreferenceCreated: true,
  RoutingPreferenceUpdated: true,
  RoutingPreferenceEnabled: true,
  RoutingPreferenceDisabled: true,
  RoutingPreferenceDeleted: true,
});

/** Whether a stored event sets or clears an org's or a user's default preference. */
export const isDefaultPreferenceEvent = eventGuard<DefaultPreferenceEvent>({
  DefaultPreferenceSet: true,
  DefaultPreferenceCleared: true,
});

/** Whether a stored event records usage. */
export const isUsageEvent = eventGuard<UsageEvent>({ KeyUsageRecorded: true });
