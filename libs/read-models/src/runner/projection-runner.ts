import { Clock, systemClock } from '@keyledger/domain';
import { EventStore, EventSubscription } from '@keyledger/event-store';
import { RunnableProjection } from '../projection/runnable-projection';
import { ReadStore } from '../store/read-store.port';
import { BufferedReadStore } from './buffered-read-store';
import { CheckpointedProjections } from './checkpointed-projections';
import { batchesOf } from './next-batch';
import { rebuildMeter, RebuildProgress } from './rebuild-progress';
import { RunnerLogger } from './runner-logger';

/** How the runner batches, where it reports failures, and what time it is. */
export interface ProjectionRunnerOptions {
  readonly logger: RunnerLogger;
  /** Most events applied in one batch (one bulk write per collection); 500 by default. */
  readonly batchSize?: number;
  /**
   * Most events per rebuild page, `batchSize` by default. Larger pages fold more of each
   * document's history into one write, so fewer documents are written again by a later page:
   * the update a MongoDB-compatible store (FerretDB most) pays per document.
   */
  readonly rebuildBatchSize?: number;
  /**
   * Documents a rebuild holds in memory (20,000 by default) before writing out those of
   * append-only collections (the audit log); five times as many before writing out every one
   * with the checkpoints. Pages fold into them there, so a document changed by several pages is
   * written once, in a bulk insert.
   */
  readonly rebuildBufferDocuments?: number;
  readonly clock?: Clock;
}

/** How far the read models trail the event store. */
export interface ProjectionLag {
  readonly head_position: number;
  /** The lowest stored checkpoint: every projection has applied everything up to it. */
  readonly checkpoint: number;
  /**
   * Events stored from the oldest one not yet applied to the head; 0 when caught up. Null on a
   * store whose positions are byte offsets (EventStoreDB), where counting would mean reading
   * them all: `behind_bytes` says how far instead.
   */
  readonly behind_events: number | null;
  /** Only on a store whose positions are byte offsets: log bytes from the oldest event not yet applied to the head. */
  readonly behind_bytes?: number;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  readonly behind_ms: number;
}

/** What a rebuild did. */
export interface RebuildSummary {
  readonly projections: readonly string[];
  readonly events: number;
  readonly seconds: number;
}

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_REBUILD_BUFFER = 20_000;
/**
 * How many buffers' worth of documents a rebuild holds before writing out the ones pages fold
 * onto (keys): each written out early costs a replace when a later page changes it again.
 */
const READ_BACK_BUFFERS = 5;

/**
 * Feeds projections from the event store: from the lowest stored checkpoint, catch-up then live,
 * in batches, at least once, applied idempotently by document position. A failing projection
 * stops the runner, so its events are never skipped, until it is started again.
 */
export class ProjectionRunner {
  private readonly projections: CheckpointedProjections;
  private readonly batchSize: number;
  private readonly clock: Clock;
  private subscription: EventSubscription | null = null;
  private loop: Promise<void> = Promise.resolve();
  private starting: Promise<void> | null = null;
  private failure: unknown = null;
  /** The checkpoint poll while observing another process's projections. */
  private observer: { readonly pollMs: number; timer: NodeJS.Timeout | null } | null = null;
  /** Called after every batch and on failure, so waiters look at their position again. */
  private readonly progressListeners = new Set<() => void>();

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    projections: readonly RunnableProjection[],
    private readonly options: ProjectionRunnerOptions,
  ) {
    this.projections = new CheckpointedProjections(store, projections);
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.clock = options.clock ?? systemClock;
  }

  /** The position every projection has applied (events of streams none reads aside). */
  get appliedPosition(): number {
    return this.projections.lowest;
  }

  /** The failure that stopped the runner, or null. */
  get error(): unknown {
    return this.failure;
  }

  /** Resumes from the stored checkpoints and keeps following the store; after a failure, retries it. */
  start(): Promise<void> {
    this.starting ??= this.follow().finally(() => (this.starting = null));
    return this.starting;
  }

  /**
   * Follows projections another process runs (apps/projector) instead of running them: while
   * someone waits for a position, rereads the stored checkpoints every `pollMs`, so
   * `waitForPosition` serves an API sharing a projector and an idle one queries nothing.
   */
  observe(pollMs: number): void {
    this.observer ??= { pollMs, timer: null };
  }

  /** Schedules the next checkpoint read of an observing runner, unless one is due or nobody waits. */
  private pollWhileWaited(delayMs: number): void {
    const observer = this.observer;
    if (observer === null || observer.timer !== null || this.progressListeners.size === 0) return;
    observer.timer = setTimeout(async () => {
      try {
        await this.projections.load();
        this.notifyProgress();
      } catch (error) {
        this.options.logger.error('reading the stored checkpoints failed', {
          error,
          checkpoint: this.appliedPosition,
        });
      }
      observer.timer = null;
      if (this.observer === observer) this.pollWhileWaited(observer.pollMs);
    }, delayMs);
  }

  /** Stops following the store (or observing); resolves once the batch in flight is applied and checkpointed. */
  async stop(): Promise<void> {
    if (this.observer?.timer) clearTimeout(this.observer.timer);
    this.observer = null;
    await this.starting;
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.close();
    await this.loop;
  }

  private async follow(): Promise<void> {
    if (this.subscription) return;
    await this.loop;
    this.failure = null;
    const from = await this.projections.load();
    await this.projections.clearUnapplied();
    const subscription = this.events.subscribe({
      fromPosition: from,
      filter: this.projections.filter,
    });
    this.subscription = subscription;
    this.loop = this.consume(subscription);
  }

  private async consume(subscription: EventSubscription): Promise<void> {
    try {
      for await (const events of batchesOf(subscription, this.batchSize)) {
        // Once stopping, a batch not started yet is left for the next start to deliver again.
        if (this.subscription !== subscription) return;
        await this.projections.apply(events);
        this.notifyProgress();
      }
    } catch (error) {
      this.failure = error;
      if (this.subscription === subscription) this.subscription = null;
      await subscription.close();
      this.options.logger.error(
        'projection runner stopped; fix the cause and start it again: no event is skipped',
        {
          error,
          checkpoint: this.appliedPosition,
        },
      );
      this.notifyProgress();
    }
  }

  private notifyProgress(): void {
    for (const listener of [...this.progressListeners]) listener();
  }

  /**
   * Resolves true once the read models include everything up to `position` (read-your-writes),
   * false after `timeoutMs`, or as soon as the runner has failed.
   */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const settle = (reached: boolean): void => {
        clearTimeout(timer);
        this.progressListeners.delete(check);
        resolve(reached);
      };
      const check = (): void => {
        this.includes(position).then((reached) => {
          if (reached) settle(true);
          else if (this.failure !== null) settle(false);
        }, reject);
      };
      const timer = setTimeout(() => settle(false), timeoutMs);
      this.progressListeners.add(check);
      this.pollWhileWaited(0);
      check();
    });
  }

  /** Waits until everything in the store at the time of the call is applied; see `waitForPosition`. */
  async catchUp(timeoutMs: number): Promise<boolean> {
    return this.waitForPosition(await this.events.headPosition(), timeoutMs);
  }

  /** Whether every event the projections read, up to `position`, is applied. */
  private async includes(position: number): Promise<boolean> {
    const applied = this.appliedPosition;
    if (applied >= position) return true;
    // Events of streams no projection reads never move a checkpoint: look past them.
    const [next] = await this.events.readAll({
      fromPosition: applied,
      maxCount: 1,
      filter: this.projections.filter,
    });
    return next === undefined || next.position > position;
  }

  /** How far the stored checkpoints trail the event store. */
  async lag(): Promise<ProjectionLag> {
    const head_position = await this.events.headPosition();
    const checkpoint = await this.projections.storedLowest();
    const [oldest] = await this.events.readAll({
      fromPosition: checkpoint,
      maxCount: 1,
      filter: this.projections.filter,
    });
    const counted = this.events.positionUnit === 'event';
    if (!oldest) {
      const caughtUp = { head_position, checkpoint, behind_events: 0, behind_ms: 0 };
      return counted ? caughtUp : { ...caughtUp, behind_bytes: 0 };
    }
    const distance = head_position - oldest.position;
    return {
      head_position,
      checkpoint,
      // Consecutive positions count the events between them; byte offsets do not.
      ...(counted
        ? { behind_events: distance + 1 }
        : { behind_events: null, behind_bytes: distance }),
      behind_ms: Math.max(0, this.clock.now().getTime() - Date.parse(oldest.recorded_at)),
    };
  }

  /**
   * Drops the documents and checkpoint of one projection (or all) and replays the event store from
   * the start, reporting progress. The runner pauses meanwhile and resumes if it was running; a
   * failure is thrown and leaves it stopped. Pages are applied to a `BufferedReadStore`, written
   * out as `rebuildBufferDocuments` says and at the end, the checkpoints after every document: a
   * rebuild cut short resumes from the last written checkpoint, as a live runner does.
   */
  async rebuild(
    target: string = 'all',
    onProgress: (progress: RebuildProgress) => void = () => undefined,
  ): Promise<RebuildSummary> {
    const rebuilt = target === 'all' ? this.projections : this.projections.only(target);
    await this.starting;
    const wasRunning = this.subscription !== null;
    await this.stop();
    const started = this.clock.now().getTime();
    await rebuilt.reset();
    const measure = rebuildMeter(this.clock, await this.events.headPosition());
    const buffer = new BufferedReadStore(this.store);
    const buffered = rebuilt.over(buffer);
    const flush = async () => {
      await buffer.flush();
      await rebuilt.load();
    };
    let position = 0;
    let applied = 0;
    for (;;) {
      const page = await this.events.readAll({
        fromPosition: position,
        maxCount: this.options.rebuildBatchSize ?? this.batchSize,
        filter: rebuilt.filter,
      });
      if (page.length === 0) break;
      await buffered.apply(page);
      const most = this.options.rebuildBufferDocuments ?? DEFAULT_REBUILD_BUFFER;
      if (buffer.size >= most * READ_BACK_BUFFERS) await flush();
      else if (buffer.writeOnlySize >= most) await buffer.flushWriteOnly();
      position = page[page.length - 1].position;
      applied += page.length;
      onProgress(measure(position, applied));
    }
    await flush();
    // Events of streams no projection reads may end the store: report reaching its head all the same.
    const head = await this.events.headPosition();
    if (position < head) onProgress(measure(head, applied));
    if (wasRunning) await this.start();
    const seconds = (this.clock.now().getTime() - started) / 1000;
    return { projections: rebuilt.projections.map(({ name }) => name), events: applied, seconds };
  }
}
