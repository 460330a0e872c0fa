import {
  auditEntryProjection,
  CollectionSpec,
  defaultPreferenceProjection,
  Document,
  keyProjection,
  Positioned,
  ReadStore,
  routingPreferenceProjection,
  ScalarField,
} from '@keyledger/read-models';
import { resolutionProjection } from '@keyledger/resolution';

/** Every document of a collection with the position it was written at, in id order. */
async function everything<D extends Document>(
  store: ReadStore,
  spec: CollectionSpec<D>,
): Promise<Positioned<D>[]> {
  const collection = store.collection(spec);
  // Every document has an id, though the generic D cannot show it.
  const byId = 'id' as ScalarField<D>;
  const { items } = await collection.find({
    sort: [{ field: byId, direction: 'asc' }],
    limit: 1_000_000,
  });
  const positioned = await collection.getPositioned(items.map((document) => document.id));
  return items.flatMap((document) => positioned.get(document.id) ?? []);
}

/** Each projection's documents with their positions, by projection name: two stores compare equal or not. */
export async function readModelSnapshot(
  store: ReadStore,
): Promise<Record<string, Positioned<Document>[]>> {
  return {
    [keyProjection.name]: await everything(store, keyProjection.collection),
    [routingPreferenceProjection.name]: await everything(
      store,
      routingPreferenceProjection.collection,
    ),
    [defaultPreferenceProjection.name]: await everything(
      store,
      defaultPreferenceProjection.collection,
    ),
    [auditEntryProjection.name]: await everything(store, auditEntryProjection.collection),
    [resolutionProjection.name]: await everything(store, resolutionProjection.collection),
  };
}

/** Whether some document is ahead of its projection's checkpoint: a batch was cut short. */
export async function hasDocumentsPastCheckpoints(store: ReadStore): Promise<boolean> {
  for (const [projection, documents] of Object.entries(await readModelSnapshot(store))) {
    const checkpoint = await store.getCheckpoint(projection);
    if (documents.some(({ position }) => position > checkpoint)) return true;
  }
  return false;
}
