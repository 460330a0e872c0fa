import { EventFilter, RecordedEvent } from './event-store.port';

/**
 * Whether an event passes a filter. An omitted criterion passes everything; a given one must
 * match (so an empty list matches nothing).
 */
export function matchesFilter(
  event: Pick<RecordedEvent, 'stream' | 'type'>,
  filter?: EventFilter,
): boolean {
  if (!filter) return true;
  const { streamPrefixes, eventTypes } = filter;
  if (streamPrefixes && !streamPrefixes.some((prefix) => event.stream.startsWith(prefix)))
    return false;
  if (eventTypes && !eventTypes.includes(event.type)) return false;
  return true;
}
