import { ReadStore } from '@keyledger/read-models';
import { ResolutionModel } from './resolution-model';
import { resolutionProjection } from './resolution.projection';

/** Documents read per page: few round trips, and a page's garbage stays small. */
const PAGE_SIZE = 10_000;

/** What a start from the snapshot read. */
export interface SnapshotLoad {
  /** The projection's checkpoint: the model follows the event store from here. */
  readonly checkpoint: number;
  readonly documents: number;
}

/**
 * Loads the resolution snapshot (`resolutionProjection`'s documents) into a model that has
 * folded nothing yet, and sets it to resume after the snapshot's checkpoint. The checkpoint is
 * read first: any document written meanwhile is at or past it, and the model skips what such a
 * document already holds. Resolves null when there is no snapshot to start from: never
 * projected, or a rebuild reset it while the pages were read (the model must then be discarded).
 */
export async function loadResolutionSnapshot(
  store: ReadStore,
  model: ResolutionModel,
): Promise<SnapshotLoad | null> {
  const checkpoint = await store.getCheckpoint(resolutionProjection.name);
  if (checkpoint === 0) return null;
  const collection = store.collection(resolutionProjection.collection);
  let documents = 0;
  let cursor: string | null = null;
  do {
    const page = await collection.find({
      sort: [{ field: 'id', direction: 'asc' }],
      limit: PAGE_SIZE,
      cursor,
    });
    for (const document of page.items) model.restore(document, checkpoint);
    documents += page.items.length;
    cursor = page.next_cursor;
  } while (cursor !== null);
  // A rebuild resets the checkpoint before it drops the documents.
  if ((await store.getCheckpoint(resolutionProjection.name)) < checkpoint) return null;
  model.resumeAfter(checkpoint);
  return { checkpoint, documents };
}
