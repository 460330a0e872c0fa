import { EventStore, EventSubscription, RecordedEvent } from '@keyledger/event-store';
import { Document, ReadStore } from '../store/read-store.port';
import { Projection } from './projection';
import { applyBatch } from './apply-batch';
import { nextBatch } from './next-batch';

export interface RunnerLogger {
  error(message: string, error: unknown): void;
}

export interface ProjectionRunnerOptions {
  /** Most events applied in one batch (one bulk write per collection). */
  readonly batchSize?: number;
  readonly logger?: RunnerLogger;
  /** Test seam: runs after a batch's documents are written, before its checkpoints are saved. */
  readonly afterDocumentsWritten?: (batch: readonly RecordedEvent[]) => Promise<void> | void;
}

/** How far the read models trail the event store. */
export interface ProjectionLag {
  readonly head_position: number;
  readonly applied_position: number;
  readonly behind_positions: number;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  readonly behind_ms: number;
}

export interface RebuildProgress {
  readonly done: number;
  readonly total: number;
  readonly rate_per_s: number;
}

/**
 * Feeds projections from the event store: catch-up then live, in batches, at least once from
 * each projection's stored checkpoint, applied idempotently by document position.
 */
export class ProjectionRunner {
  private subscription: EventSubscription | null = null;
  private loop: Promise<void> | null = null;
  private applied = 0;
  private failure: unknown = null;
  private readonly listeners = new Set<() => void>();
  private readonly batchSize: number;
  private readonly streamPrefixes: readonly string[];

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    private readonly projections: readonly Projection<Document>[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.streamPrefixes = [...new Set(projections.flatMap((p) => p.streamPrefixes))];
  }

  /** Position of the last event every projection has applied (or skipped as not theirs). */
  get appliedPosition(): number {
    return this.applied;
  }

  /** Resumes from the stored checkpoints and keeps following the store. */
  async start(): Promise<void> {
    if (this.loop) return;
    const checkpoints = await Promise.all(this.projections.map((p) => this.store.getCheckpoint(p.name)));
    this.applied = Math.min(...checkpoints, Number.MAX_SAFE_INTEGER);
    if (this.projections.length === 0) this.applied = 0;
    this.failure = null;
    const subscription = this.events.subscribe({ fromPosition: this.applied, filter: { streamPrefixes: this.streamPrefixes } });
    this.subscription = subscription;
    this.loop = this.consume(subscription);
  }

  /** Stops following; waits for the batch in flight to finish. */
  async stop(): Promise<void> {
    await this.subscription?.close();
    await this.loop;
    this.subscription = null;
    this.loop = null;
  }

  private async consume(subscription: EventSubscription): Promise<void> {
    const iterator = subscription[Symbol.asyncIterator]();
    let pending = iterator.next();
    try {
      for (;;) {
        const { batch, next } = await nextBatch(iterator, pending, this.batchSize);
        pending = next;
        if (batch.length === 0) return;
        await applyBatch(this.store, this.projections, batch, this.options.afterDocumentsWritten);
        this.applied = batch[batch.length - 1].position;
        this.notify();
      }
    } catch (error) {
      // A projection that cannot apply an event must not skip it: stop and say so.
      this.failure = error;
      this.options.logger?.error('projection runner stopped', error);
      this.notify();
    }
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** The error that stopped the runner, if any. */
  get error(): unknown {
    return this.failure;
  }

  /** Resolves true once the read models include `position`, false after `timeoutMs`. */
  async waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    if (await this.reached(position)) return true;
    return new Promise((resolve) => {
      const finish = (result: boolean): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(result);
      };
      const check = (): void => {
        if (this.applied >= position) finish(true);
        else if (this.failure) finish(false);
      };
      const timer = setTimeout(() => void this.reached(position).then(finish), timeoutMs);
      this.listeners.add(check);
    });
  }

  /** Reached when applied, or when nothing the projections read lies between us and it. */
  private async reached(position: number): Promise<boolean> {
    if (this.applied >= position) return true;
    const [next] = await this.events.readAll({ fromPosition: this.applied, maxCount: 1, filter: { streamPrefixes: this.streamPrefixes } });
    return next === undefined || next.position > position;
  }

  /** Waits until everything in the store at the time of the call is applied. */
  async catchUp(timeoutMs: number): Promise<boolean> {
    return this.waitForPosition(await this.events.headPosition(), timeoutMs);
  }

  async lag(): Promise<ProjectionLag> {
    const head = await this.events.headPosition();
    const [oldest] = await this.events.readAll({ fromPosition: this.applied, maxCount: 1, filter: { streamPrefixes: this.streamPrefixes } });
    return {
      head_position: head,
      applied_position: this.applied,
      behind_positions: Math.max(0, head - this.applied),
      behind_ms: oldest ? Math.max(0, Date.now() - Date.parse(oldest.recorded_at)) : 0,
    };
  }

  /** Drops every projection's documents and replays the whole store, reporting progress. */
  async rebuild(onProgress: (progress: RebuildProgress) => void = () => undefined): Promise<{ events: number; seconds: number }> {
    const wasRunning = this.loop !== null;
    await this.stop();
    for (const projection of this.projections) {
      await this.store.collection(projection.collection).drop();
      await this.store.setCheckpoint(projection.name, 0);
    }
    const started = Date.now();
    const total = await this.events.headPosition();
    let position = 0;
    let count = 0;
    for (;;) {
      const page = await this.events.readAll({ fromPosition: position, maxCount: this.batchSize, filter: { streamPrefixes: this.streamPrefixes } });
      if (page.length === 0) break;
      await applyBatch(this.store, this.projections, page, this.options.afterDocumentsWritten);
      position = page[page.length - 1].position;
      count += page.length;
      this.applied = position;
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      onProgress({ done: Math.min(position, total), total, rate_per_s: count / seconds });
    }
    this.notify();
    if (wasRunning) await this.start();
    return { events: count, seconds: (Date.now() - started) / 1000 };
  }
}
