import { RecordedEvent } from '@keyledger/event-store';
import { CollectionSpec, Document } from '../store/read-store.port';

/** A pure read model: which documents an event touches, and what each becomes. */
export interface Projection<D extends Document> {
  /** Names its checkpoint; a new version (`keys.v2`) when the documents change shape makes it rebuild. */
  readonly name: string;
  readonly collection: CollectionSpec<D>;
  /** Category prefixes of the streams it reads (`key-`); the runner subscribes to these only. */
  readonly streamPrefixes: readonly string[];
  /** The ids of the documents the event changes; none for events it does not follow. */
  documentIds(event: RecordedEvent): readonly string[];
  /**
   * Each event makes documents of its own that no later event changes (an audit log): the runner
   * folds from nothing instead of reading their stored state first, and a redelivered event's
   * documents are ignored by position as any other write.
   */
  readonly appendOnly?: boolean;
  /** The document after the event: null when it does not exist (or no longer does). */
  apply(document: D | null, event: RecordedEvent): D | null;
}
