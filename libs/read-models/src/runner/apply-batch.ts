import { RecordedEvent } from '@keyledger/event-store';
import { Document, DocumentWrite, ReadStore } from '../store/read-store.port';
import { Projection } from './projection';

/** Folds a batch into each projection's documents, one bulk write each, then saves checkpoints. */
export async function applyBatch(
  store: ReadStore,
  projections: readonly Projection<Document>[],
  batch: readonly RecordedEvent[],
  afterDocumentsWritten?: (batch: readonly RecordedEvent[]) => Promise<void> | void,
): Promise<void> {
  const last = batch[batch.length - 1].position;
  for (const projection of projections) {
    const checkpoint = await store.getCheckpoint(projection.name);
    const events = batch.filter((event) => event.position > checkpoint && projection.streamPrefixes.some((p) => event.stream.startsWith(p)));
    if (events.length > 0) await applyToProjection(store, projection, events);
  }
  await afterDocumentsWritten?.(batch);
  for (const projection of projections) {
    if ((await store.getCheckpoint(projection.name)) < last) await store.setCheckpoint(projection.name, last);
  }
}

async function applyToProjection(store: ReadStore, projection: Projection<Document>, events: readonly RecordedEvent[]): Promise<void> {
  const collection = store.collection<Document>(projection.collection, projection.indexes);
  const ids = [...new Set(events.flatMap((event) => projection.documentIds(event)))];
  const current = await collection.getMany(ids);
  const state = new Map<string, { document: Document | null; position: number }>(
    ids.map((id) => [id, current.get(id) ?? { document: null, position: 0 }]),
  );
  const changed = new Set<string>();
  for (const event of events) {
    for (const id of projection.documentIds(event)) {
      const entry = state.get(id)!;
      // Already applied before a crash: skipping it is what makes redelivery harmless.
      if (event.position <= entry.position) continue;
      state.set(id, { document: projection.apply(entry.document, event), position: event.position });
      changed.add(id);
    }
  }
  const writes: DocumentWrite<Document>[] = [...changed].map((id) => ({ id, ...state.get(id)! }));
  await collection.write(writes);
}
