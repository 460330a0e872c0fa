import { ProjectionLag } from './projection-runner';

/**
 * How far behind, in the unit the store can honestly give: "3 events", or on a store whose
 * positions are byte offsets (EventStoreDB) "4096 bytes of the log", events not counted.
 */
export function describeBehind(lag: Pick<ProjectionLag, 'behind_events' | 'behind_bytes'>): string {
  if (lag.behind_events !== null) return `${lag.behind_events} events`;
  return `${lag.behind_bytes ?? 0} bytes of the log (EventStoreDB positions are byte offsets; events are not counted)`;
}

/** Whether the read models trail the store at all. */
export function isBehind(lag: Pick<ProjectionLag, 'behind_events' | 'behind_bytes'>): boolean {
  return (lag.behind_events ?? lag.behind_bytes ?? 0) > 0;
}
