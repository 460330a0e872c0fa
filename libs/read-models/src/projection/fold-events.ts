import { RecordedEvent } from '@keyledger/event-store';
import { Document, DocumentWrite, Positioned } from '../store/read-store.port';
import { Projection } from './projection';
import { ProjectionError } from './projection-error';

/**
 * Folds events, in order, into the documents they touch, starting from their stored state, and
 * returns one write per document that changed. An event at or before a document's stored position
 * was applied before (redelivery after a crash) and is skipped, which makes delivery idempotent.
 */
export function foldEvents<D extends Document>(
  projection: Projection<D>,
  stored: ReadonlyMap<string, Positioned<D>>,
  events: readonly RecordedEvent[],
): DocumentWrite<D>[] {
  const current = new Map<string, Omit<DocumentWrite<D>, 'id'>>(stored);
  const writes = new Map<string, DocumentWrite<D>>();
  for (const event of events) {
    for (const id of projection.documentIds(event)) {
      const before = current.get(id) ?? { document: null, position: 0 };
      if (event.position <= before.position) continue;
      const document = applyOne(projection, before.document, event);
      if (document === before.document) continue;
      const write = { id, document, position: event.position };
      current.set(id, write);
      writes.set(id, write);
    }
  }
  return [...writes.values()];
}

function applyOne<D extends Document>(
  projection: Projection<D>,
  document: D | null,
  event: RecordedEvent,
): D | null {
  try {
    return projection.apply(document, event);
  } catch (cause) {
    throw new ProjectionError(projection.name, event.position, event.type, { cause });
  }
}
