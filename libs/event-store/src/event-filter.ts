import { EventFilter, RecordedEvent } from './event-store.port';

/** Whether an event passes a filter (no filter, or an empty one, passes everything). */
export function matchesFilter(event: Pick<RecordedEvent, 'stream' | 'type'>, filter?: EventFilter): boolean {
  if (!filter) return true;
  const { streamPrefixes, eventTypes } = filter;
  if (streamPrefixes && !streamPrefixes.some((prefix) => event.stream.startsWith(prefix))) return false;
  if (eventTypes && !eventTypes.includes(event.type)) return false;
  return true;
}
