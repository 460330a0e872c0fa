import { ReadStore } from '@keyledger/read-models';
import { ResolutionModel } from './resolution-model';
import { resolutionProjection } from './resolution.projection';

/**
 * Documents read per batch: few round trips, and a batch small enough that its parsed documents
 * die young. With 5,000 (~5 MB parsed) a scavenge during a batch promoted the documents still
 * waiting: 638 MB promoted over a start from 1M keys instead of 380 (the model itself).
 */
const BATCH_SIZE = 1_000;

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
 * projected, or a rebuild reset it while the documents were read (the model must then be discarded).
 */
export async function loadResolutionSnapshot(
  store: ReadStore,
  model: ResolutionModel,
): Promise<SnapshotLoad | null> {
  const checkpoint = await store.getCheckpoint(resolutionProjection.name);
  if (checkpoint === 0) return null;
  let documents = 0;
  for await (const batch of store.collection(resolutionProjection.collection).scan(BATCH_SIZE)) {
    for (const document of batch) model.restore(document, checkpoint);
    documents += batch.length;
  }
  // A rebuild resets the checkpoint before it drops the documents.
  if ((await store.getCheckpoint(resolutionProjection.name)) < checkpoint) return null;
  model.resumeAfter(checkpoint);
  return { checkpoint, documents };
}
