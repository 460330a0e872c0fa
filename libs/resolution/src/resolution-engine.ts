import { randomUUID } from 'node:crypto';
import { Clock, systemClock } from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { ReadStore } from '@keyledger/read-models';
import { LimitAlerter } from './limit-alerter';
import { LocalRateLimiter } from './local-rate-limiter';
import { ModelFeed } from './model-feed';
import { decidesResolution } from './resolution-streams';
import { PendingUsage } from './pending-usage';
import { ResolutionModel } from './resolution-model';
import { ResolutionSettings } from './resolution-settings';
import { loadResolutionSnapshot, SnapshotLoad } from './resolution-snapshot';
import { RateLimiter } from './rate-limiter';
import { ResolveOutcome, ResolveRequest, UsageOutcome, UsageRequest } from './resolve-outcome';
import { KeyUsage, Resolver } from './resolver';
import { UsageFlusher } from './usage-flusher';

/** What an engine needs besides its store and settings. */
export interface ResolutionEngineOptions {
  /** Stamps usage events' metadata; requests pass their own `now`. */
  readonly clock?: Clock;
  /** Failures of the background subscription or flushes (log them). */
  readonly onError?: (error: unknown) => void;
  /**
   * A read store that keeps the resolution snapshot (a durable one where `RESOLUTION_PROJECTION`
   * runs): the model starts from it and follows the event store from its checkpoint, instead of
   * replaying all history. Without one, or before the projection has run, the model replays.
   */
  readonly snapshot?: ReadStore;
  /**
   * Counts keys' named rate limits; default: this process's own counters (exact here, per
   * instance across several). A `RedisRateLimiter` shares them; `close()` closes it.
   */
  readonly rateLimiter?: RateLimiter;
}

/**
 * Request-time resolution for one process: the in-memory model loaded from the store and kept
 * current by its subscription, the resolver, and the usage flusher. The HTTP layer and embedding
 * gateways call it directly; `catchUpStream` lets the instance that wrote a key change apply it
 * before answering.
 */
export class ResolutionEngine {
  private constructor(
    private readonly resolver: Resolver,
    private readonly feed: ModelFeed,
    private readonly flusher: UsageFlusher,
    private readonly rateLimiter: RateLimiter,
    /** This process's id in the usage events it appends. */
    readonly instanceId: string,
    /** The snapshot the model started from; null when it replayed the event store from the start. */
    readonly loadedSnapshot: SnapshotLoad | null,
  ) {}

  /**
   * Loads the model (from the snapshot when there is one, then catch-up from the event store),
   * then follows the store and flushes usage.
   */
  static async open(
    store: EventStore,
    settings: ResolutionSettings,
    options: ResolutionEngineOptions = {},
  ): Promise<ResolutionEngine> {
    const clock = options.clock ?? systemClock;
    const onError = options.onError ?? ((error: unknown) => console.error(error));
    const instanceId = randomUUID();
    let model = new ResolutionModel(instanceId);
    const loadedSnapshot =
      options.snapshot === undefined ? null : await loadResolutionSnapshot(options.snapshot, model);
    // No snapshot after all (a rebuild reset it while it was read): replay into a clean model.
    if (options.snapshot !== undefined && loadedSnapshot === null)
      model = new ResolutionModel(instanceId);
    const pending = new PendingUsage(instanceId);
    const feed = new ModelFeed(store, model, onError);
    await feed.start();
    const alerter = new LimitAlerter(store, model, clock);
    const flusher = new UsageFlusher(store, pending, model, clock, onError, () => alerter.check());
    flusher.start(settings.flushIntervalMs);
    const rateLimiter = options.rateLimiter ?? new LocalRateLimiter();
    return new ResolutionEngine(
      new Resolver(model, pending, settings, rateLimiter),
      feed,
      flusher,
      rateLimiter,
      instanceId,
      loadedSnapshot,
    );
  }

  /**
   * Admits and counts a request, or refuses it with a SPEC §5/§9 code. A promise only for a key
   * with rate limits under a shared limiter, which must ask Redis.
   */
  resolve(request: ResolveRequest, now: Date): ResolveOutcome | Promise<ResolveOutcome> {
    return this.resolver.resolve(request, now);
  }

  /** Counts a request's reported cost; throws a `validation_failed` DomainError for a bad report. */
  recordUsage(request: UsageRequest, now: Date): UsageOutcome {
    return this.resolver.recordUsage(request, now);
  }

  /** A key's usage figures and limit state, or null for an unknown key. */
  usage(keyId: string, now: Date): KeyUsage | null {
    return this.resolver.usage(keyId, now);
  }

  /** Applies a key, preference or default stream's latest events now (after this instance wrote to it). */
  catchUpStream(stream: string): Promise<void> {
    return this.feed.catchUpStream(stream);
  }

  /**
   * What a writer calls after every append of its own: streams that decide resolution (keys,
   * preferences, defaults) are applied before the writer answers, so the instance that revoked a
   * key refuses it from then on; every other stream is left to the subscription.
   */
  async applyOwnWrite(stream: string): Promise<void> {
    if (decidesResolution(stream)) await this.feed.catchUpStream(stream);
  }

  /** True once every event up to `position` is applied; false after `timeoutMs`. */
  waitForPosition(position: number, timeoutMs?: number): Promise<boolean> {
    return this.feed.waitForPosition(position, timeoutMs);
  }

  /** Appends the usage counted so far. */
  flush(): Promise<void> {
    return this.flusher.flush();
  }

  /** Flushes the remaining usage, then stops following the store (which stays open). */
  async close(): Promise<void> {
    await this.flusher.close();
    await this.feed.close();
    await this.rateLimiter.close();
  }
}
