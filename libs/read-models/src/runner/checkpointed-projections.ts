import { EventFilter, matchesFilter, RecordedEvent } from '@keyledger/event-store';
import { RunnableProjection } from '../projection/runnable-projection';
import { ReadStore } from '../store/read-store.port';

/**
 * Projections with their checkpoints. A batch is applied to each projection past its checkpoint,
 * and only then are the checkpoints saved: a crash in between leaves documents ahead of their
 * checkpoint, and the redelivered events are skipped by the documents' own positions.
 */
export class CheckpointedProjections {
  constructor(
    private readonly store: ReadStore,
    readonly projections: readonly RunnableProjection[],
    /** Shared with the subsets made by `only`, so the whole set sees their progress. */
    private readonly checkpoints = new Map<string, number>(),
  ) {
    const names = projections.map((projection) => projection.name);
    const repeated = names.find((name, i) => names.indexOf(name) !== i);
    if (repeated !== undefined)
      throw new RangeError(
        `projection ${repeated} is registered twice: its checkpoint would be shared`,
      );
  }

  /** What to subscribe to: the streams any of the projections reads. */
  get filter(): EventFilter {
    return {
      streamPrefixes: [
        ...new Set(this.projections.flatMap((projection) => projection.streamPrefixes)),
      ],
    };
  }

  /** The position every projection has applied, as of the last `load` or batch. */
  get lowest(): number {
    return this.projections.length === 0
      ? 0
      : Math.min(...this.projections.map((p) => this.checkpoints.get(p.name) ?? 0));
  }

  /** The named projection alone, sharing these checkpoints; throws for a name not registered. */
  only(name: string): CheckpointedProjections {
    const projection = this.projections.find((candidate) => candidate.name === name);
    if (!projection) throw new RangeError(`no projection named ${name}`);
    return new CheckpointedProjections(this.store, [projection], this.checkpoints);
  }

  /**
   * The same projections applied to another store (a rebuild's buffer), with checkpoints of their
   * own: what they apply there reaches these only when `load` reads them back from this store.
   */
  over(store: ReadStore): CheckpointedProjections {
    return new CheckpointedProjections(store, this.projections, new Map(this.checkpoints));
  }

  /** Reads the stored checkpoints; returns the lowest, where delivery must resume. */
  async load(): Promise<number> {
    for (const { name } of this.projections)
      this.checkpoints.set(name, await this.store.getCheckpoint(name));
    return this.lowest;
  }

  /**
   * Drops the documents of each projection that has applied nothing yet (checkpoint 0): left by
   * an earlier version of it (`keys.v1` before `keys.v2`) or by a crash before its first
   * checkpoint, they would make the replay skip every event they already hold.
   */
  async clearUnapplied(): Promise<void> {
    for (const projection of this.projections) {
      if ((this.checkpoints.get(projection.name) ?? 0) === 0)
        await this.store.batch(() => projection.dropDocuments(this.store));
    }
  }

  /** The lowest stored checkpoint, read afresh. */
  async storedLowest(): Promise<number> {
    const stored = await Promise.all(
      this.projections.map(({ name }) => this.store.getCheckpoint(name)),
    );
    return stored.length === 0 ? 0 : Math.min(...stored);
  }

  /**
   * Applies a batch (in global order, after `lowest`) to each projection, then saves their
   * checkpoints: one store batch, so an embedded store commits documents and checkpoints together.
   */
  async apply(batch: readonly RecordedEvent[]): Promise<void> {
    if (batch.length === 0) return;
    const saved = await this.store.batch(() => this.applyAndSave(batch));
    for (const [name, position] of saved) this.checkpoints.set(name, position);
  }

  /** Applies the batch and saves the checkpoints it moves; returns them, to be kept once committed. */
  private async applyAndSave(batch: readonly RecordedEvent[]): Promise<Map<string, number>> {
    for (const projection of this.projections) {
      const checkpoint = this.checkpoints.get(projection.name) ?? 0;
      const events = batch.filter(
        (event) =>
          event.position > checkpoint &&
          matchesFilter(event, { streamPrefixes: projection.streamPrefixes }),
      );
      await projection.applyEvents(this.store, events);
    }
    const last = batch[batch.length - 1].position;
    const saved = new Map<string, number>();
    for (const { name } of this.projections) {
      if ((this.checkpoints.get(name) ?? 0) >= last) continue;
      await this.store.setCheckpoint(name, last);
      saved.set(name, last);
    }
    return saved;
  }

  /** Drops every document and checkpoint, so the next batches rebuild from the first event. */
  async reset(): Promise<void> {
    for (const projection of this.projections) {
      // Checkpoint first: where the store cannot commit both at once, a crash before the drop
      // then replays onto documents that skip what they hold.
      await this.store.batch(async () => {
        await this.store.setCheckpoint(projection.name, 0);
        await projection.dropDocuments(this.store);
      });
      this.checkpoints.set(projection.name, 0);
    }
  }
}
