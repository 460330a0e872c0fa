import { RecordedEvent } from '@keyledger/event-store';
import { Document, IndexSpec } from '../store/read-store.port';

/** A pure read model: which documents an event touches, and what each becomes. */
export interface Projection<D extends Document = Document> {
  /** Names the projection's checkpoint; change it when the document shape changes. */
  readonly name: string;
  readonly collection: string;
  readonly indexes: readonly IndexSpec[];
  /** Streams whose events this projection reads. */
  readonly streamPrefixes: readonly string[];
  documentIds(event: RecordedEvent): readonly string[];
  /** The document after the event; null when it does not (or no longer) exist. */
  apply(document: D | null, event: RecordedEvent): D | null;
}
