import { RecordedEvent } from '@keyledger/event-store';
import { Document, ReadStore } from '../store/read-store.port';
import { foldEvents } from './fold-events';
import { Projection } from './projection';
import { ProjectionError } from './projection-error';

/** A projection with its document type sealed in, so one runner drives projections of any documents. */
export interface RunnableProjection {
  readonly name: string;
  readonly streamPrefixes: readonly string[];
  /** Applies events to the documents they touch: one read of their stored state, one bulk write. */
  applyEvents(store: ReadStore, events: readonly RecordedEvent[]): Promise<void>;
  /** Removes every document, before a rebuild. */
  dropDocuments(store: ReadStore): Promise<void>;
}

/** Makes a projection runnable. */
export function runnable<D extends Document>(projection: Projection<D>): RunnableProjection {
  const { name, streamPrefixes } = projection;
  return {
    name,
    streamPrefixes,
    async applyEvents(store, events) {
      if (events.length === 0) return;
      const collection = store.collection(projection.collection);
      const ids = [...new Set(events.flatMap((event) => projection.documentIds(event)))];
      try {
        const stored = projection.appendOnly ? new Map() : await collection.getPositioned(ids);
        await collection.write(foldEvents(projection, stored, events));
      } catch (cause) {
        // Fold errors already name their event; store errors get the batch they interrupted.
        throw cause instanceof ProjectionError
          ? cause
          : new ProjectionError(name, events[0].position, null, { cause });
      }
    },
    dropDocuments: (store) => store.collection(projection.collection).drop(),
  };
}
