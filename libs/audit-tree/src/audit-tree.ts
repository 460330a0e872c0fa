import { setImmediate as turn } from 'node:timers/promises';
import { toHex, TreeHead } from '@keyledger/client';
import { EventStore, EventSubscription, RecordedEvent } from '@keyledger/event-store';
import { NewLeaf, StoredLeaf } from './audit-tree.types';
import { newLeafOf } from './audit-leaf';
import { consistencyProof, inclusionPath, rootAt } from './merkle-proofs';
import { SqliteAuditTreeStore } from './sqlite-audit-tree-store';
import { TreeHeadSigner } from './tree-head-signer';

/** How often heads are signed while events arrive. */
export interface TreeHeadPolicy {
  /** A head at least every this many leaves (AUDIT_TREE_HEAD_EVERY). */
  readonly every: number;
  /** A head at least this often, in ms, while the tree grows (AUDIT_TREE_HEAD_MS). */
  readonly intervalMs: number;
}

export interface AuditTreeOptions {
  readonly heads: TreeHeadPolicy;
  readonly now?: () => number;
  /** Told when following the store fails; the tree retries from where it stands. */
  readonly onError?: (error: unknown) => void;
}

/** Where an event's leaf is, and the RFC 9162 path from it to the root of a tree size. */
export interface LeafInclusion {
  readonly leaf_index: number;
  readonly tree_size: number;
  readonly event: RecordedEvent;
  readonly audit_path: string[];
}

/** Events read per page while catching up. */
const PAGE = 1_000;
const RETRY_MS = 1_000;

const hexes = (hashes: Uint8Array[]): string[] => hashes.map(toHex);

/**
 * The audit log as a Merkle tree: every event of the store, in global order, is one leaf. It
 * follows the store from its last leaf, signs heads by the policy, and answers proofs from the
 * stored nodes. Heads live in the tree's own file, never in the event store, so no head is a leaf.
 */
export class AuditTree {
  private readonly now: () => number;
  private subscription: EventSubscription | null = null;
  private following: Promise<void> | null = null;
  private catchingUp: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly events: EventStore,
    readonly store: SqliteAuditTreeStore,
    private readonly signer: TreeHeadSigner,
    private readonly options: AuditTreeOptions,
  ) {
    this.now = options.now ?? Date.now;
    store.recordKey(signer.publicKey, this.now());
  }

  /** Follows the store in the background and signs heads on the policy's clock. */
  start(): void {
    this.stopped = false;
    this.following = this.follow();
    this.timer = setInterval(() => this.signIfGrown(), this.options.heads.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.subscription?.close();
    await this.following;
    this.signIfGrown();
  }

  /**
   * Appends every event the store holds beyond the tree's last leaf. A caller while a catch-up is
   * under way shares it: it pages until the store has nothing more, so it covers what the caller
   * waits for. A stopped tree stops paging (its store is about to close).
   */
  catchUp(): Promise<void> {
    this.catchingUp ??= this.pageThroughHistory().finally(() => (this.catchingUp = null));
    return this.catchingUp;
  }

  /** The newest head, after signing one if the tree has grown past it. */
  currentHead(): TreeHead {
    this.signIfGrown();
    return this.store.latestHead()!;
  }

  /** The stored leaf of an event, catching up with the store first if the tree lacks it. */
  async leafOf(eventId: string): Promise<StoredLeaf | null> {
    const leaf = this.store.leafOf(eventId);
    if (leaf !== null) return leaf;
    await this.catchUp();
    return this.store.leafOf(eventId);
  }

  /** The event a leaf stands for, read back from the store. */
  async eventOf(leaf: StoredLeaf): Promise<RecordedEvent | null> {
    const before = leaf.leaf_index === 0 ? 0 : this.store.leaf(leaf.leaf_index - 1)!.position;
    const [event] = await this.events.readAll({ fromPosition: before, maxCount: 1 });
    return event?.id === leaf.event_id ? event : null;
  }

  /** The inclusion path of a leaf in the tree of `treeSize` leaves (leaf_index < treeSize ≤ size). */
  inclusionPath(leafIndex: number, treeSize: number): string[] {
    return hexes(inclusionPath(this.store, leafIndex, treeSize));
  }

  /** The consistency proof from the tree of `first` leaves to that of `second` (≤ size). */
  consistencyProof(first: number, second: number): string[] {
    return hexes(consistencyProof(this.store, first, second));
  }

  /** The tree hash of the first `treeSize` leaves. */
  rootAt(treeSize: number): string {
    return toHex(rootAt(this.store, treeSize));
  }

  private async pageThroughHistory(): Promise<void> {
    while (!this.stopped) {
      const page = await this.events.readAll({
        fromPosition: this.store.lastPosition,
        maxCount: PAGE,
      });
      if (page.length === 0) return;
      this.appendLeaves(page.map(newLeafOf));
      // SQLite answers at once: without a turn per page, catching up millions of events would
      // hold the event loop (timers, /health, logs) for minutes.
      await turn();
    }
  }

  private appendLeaves(leaves: readonly NewLeaf[]): void {
    let rest = leaves;
    // Cut where a head falls due, so history caught up in bulk still gets a head every `every`.
    while (rest.length > 0) {
      const signed = this.store.latestHead()?.tree_size ?? 0;
      const room = Math.max(1, this.options.heads.every - (this.store.size - signed));
      this.store.append(rest.slice(0, room));
      rest = rest.slice(room);
      if (this.store.size - signed >= this.options.heads.every) this.signIfGrown();
    }
  }

  /** Signs the tree as it stands if no head covers it yet (the empty tree gets one too). */
  private signIfGrown(): void {
    const size = this.store.size;
    const latest = this.store.latestHead();
    if (latest !== null && size <= latest.tree_size) return;
    this.store.saveHead(this.signer.sign(size, rootAt(this.store, size), this.now()));
  }

  private async follow(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.catchUp();
        // A stop() during the catch-up found no subscription to close: subscribing now would
        // follow the store forever, and stop() would wait for it forever.
        if (this.stopped) return;
        await this.followLive();
      } catch (error) {
        if (this.stopped) return;
        this.options.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref());
      }
    }
  }

  /** Live events in batches: whatever arrived while the last batch was written goes in one. */
  private async followLive(): Promise<void> {
    const subscription = this.events.subscribe({ fromPosition: this.store.lastPosition });
    this.subscription = subscription;
    let batch: NewLeaf[] = [];
    let flushing: NodeJS.Immediate | null = null;
    let failure: unknown = null;
    const flush = () => {
      flushing = null;
      const leaves = batch;
      batch = [];
      try {
        this.appendLeaves(leaves);
      } catch (error) {
        // A lost batch must not become a gap: stop, and catch up again from the last leaf.
        failure = error;
        void subscription.close();
      }
    };
    try {
      for await (const event of subscription) {
        if (failure !== null) break;
        batch.push(newLeafOf(event));
        if (batch.length >= PAGE) flush();
        else flushing ??= setImmediate(flush);
      }
    } finally {
      if (flushing !== null) clearImmediate(flushing);
      if (batch.length > 0 && failure === null) flush();
      this.subscription = null;
    }
    if (failure !== null) throw failure;
  }
}
