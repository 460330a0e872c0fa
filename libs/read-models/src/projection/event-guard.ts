import { RecordedEvent } from '@keyledger/event-store';

/** A domain event: a `type` and its payload. */
interface DomainEvent {
  readonly type: string;
  readonly data: object;
}

/**
 * A type guard recognising the stored events of one domain union by `type`. Listing every type
 * (the compiler checks that none is missing) keeps unknown or newer types out of the projection.
 */
export function eventGuard<E extends DomainEvent>(types: {
  readonly [T in E['type']]: true;
}): (event: RecordedEvent) => event is RecordedEvent & E {
  const known = new Set<string>(Object.keys(types));
  return (event): event is RecordedEvent & E => known.has(event.type);
}
