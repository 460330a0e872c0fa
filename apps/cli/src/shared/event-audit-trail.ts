import { keyStream } from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { AuditEntryDocument, auditEntryProjection } from '@keyledger/read-models';
import { judge, TimeWindow } from '@keyledger/governance';

/** What an operator's export selects; every given filter narrows. */
export interface TrailFilters {
  readonly actor?: string;
  readonly key?: string;
  readonly eventTypes?: readonly string[];
  /** The org recorded with the event (where the command ran). */
  readonly org?: string;
  readonly window: TimeWindow;
}

/** Events read per page. */
const PAGE = 1_000;

const { apply: auditEntryOf } = auditEntryProjection;

/**
 * The audit trail read straight from the event store, the record itself, as audit entries (the
 * audit projection's own function), oldest first, one page in memory at a time. It covers every
 * stream the audit log reads (keys, routing preferences, owners' defaults), whatever the read
 * store holds; the store filters by stream and type, the rest is checked here.
 */
export async function* eventAuditTrail(
  events: EventStore,
  filters: TrailFilters,
): AsyncGenerator<AuditEntryDocument> {
  const filter = {
    // One key's stream is a prefix the store can filter on; exact ids are checked below.
    streamPrefixes:
      filters.key === undefined ? auditEntryProjection.streamPrefixes : [keyStream(filters.key)],
    ...(filters.eventTypes === undefined ? {} : { eventTypes: filters.eventTypes }),
  };
  let fromPosition = 0;
  for (;;) {
    const page = await events.readAll({ fromPosition, maxCount: PAGE, filter });
    for (const event of page) {
      const entry = auditEntryOf(null, event);
      if (entry === null) continue;
      const verdict = judge(entry, filters.window, 'asc');
      if (verdict === 'stop') return;
      if (verdict === 'take' && matches(entry, filters)) yield entry;
    }
    const last = page.at(-1);
    if (last === undefined) return;
    fromPosition = last.position;
  }
}

function matches(entry: AuditEntryDocument, filters: TrailFilters): boolean {
  return (
    (filters.actor === undefined || entry.actor_id === filters.actor) &&
    (filters.key === undefined || entry.key_id === filters.key) &&
    (filters.org === undefined || entry.org_id === filters.org)
  );
}
