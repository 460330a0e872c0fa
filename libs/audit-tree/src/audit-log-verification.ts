import { AuditPublicKey, toHex, TreeHead, verifyTreeHead } from '@keyledger/client';
import { EventStore, RecordedEvent } from '@keyledger/event-store';
import { StoredLeaf } from './audit-tree.types';
import { leafDataOf } from './audit-leaf';
import { SqliteAuditTreeStore } from './sqlite-audit-tree-store';
import { TreeFrontier } from './tree-frontier';
import { leafHashOf } from './tree-hashing';

/** How the log differs from what was recorded of it. */
export type AuditProblemKind =
  'altered' | 'removed' | 'reordered' | 'inserted' | 'truncated' | 'forged_head';

/** The first place at which the log stops verifying. */
export interface AuditProblem {
  readonly kind: AuditProblemKind;
  /** Count of events before it in global order (its leaf index). */
  readonly leaf_index: number;
  /** The event found there, when there is one. */
  readonly event: Pick<RecordedEvent, 'id' | 'position' | 'stream' | 'revision'> | null;
  readonly detail: string;
}

export type AuditVerdict =
  | {
      readonly ok: true;
      readonly checked: number;
      readonly root_hash: string;
      readonly heads_checked: number;
    }
  | { readonly ok: false; readonly checked: number; readonly problem: AuditProblem };

/** What to verify the events against. */
export interface AuditRecord {
  /** The tree the service keeps beside the events (leaves, heads, keys), if there is one. */
  readonly tree: SqliteAuditTreeStore | null;
  /** A head an auditor kept elsewhere. */
  readonly keptHead?: TreeHead;
  /** Keys heads must verify under; by default the ones the tree recorded. */
  readonly publicKeys?: readonly AuditPublicKey[];
}

const PAGE = 1_000;

const summary = (event: RecordedEvent): AuditProblem['event'] => ({
  id: event.id,
  position: event.position,
  stream: event.stream,
  revision: event.revision,
});

async function* allEvents(events: EventStore, after = 0): AsyncGenerator<RecordedEvent> {
  for (let from = after; ;) {
    const page = await events.readAll({ fromPosition: from, maxCount: PAGE });
    yield* page;
    if (page.length < PAGE) return;
    from = page[page.length - 1].position;
  }
}

const headLabel = (head: TreeHead, kept: TreeHead | undefined): string =>
  `${head === kept ? 'the kept head' : 'the stored head'} of tree_size ${head.tree_size} ` +
  `(signed ${new Date(head.timestamp).toISOString()})`;

/**
 * Recomputes the Merkle tree from every event of the store, in global order, and checks it
 * against the record: each stored leaf, each stored head's root and signature, and a kept head.
 * Names the first leaf where an event was altered, removed, reordered or inserted, or where
 * the log ends before a head that was signed over it (truncated).
 */
export async function verifyAuditLog(
  events: EventStore,
  record: AuditRecord,
): Promise<AuditVerdict> {
  const { tree, keptHead } = record;
  const heads = [...(tree?.heads() ?? []), ...(keptHead ? [keptHead] : [])].sort(
    (a, b) => a.tree_size - b.tree_size,
  );
  const forged = await firstForgedHead(heads, record.publicKeys ?? tree?.publicKeys() ?? []);
  if (forged !== null) {
    const problem: AuditProblem = {
      kind: 'forged_head',
      leaf_index: forged.tree_size,
      event: null,
      detail: `${headLabel(forged, keptHead)} does not verify under key ${forged.key_id}`,
    };
    return { ok: false, checked: 0, problem };
  }
  const frontier = new TreeFrontier(0);
  const stored = tree?.leaves()[Symbol.iterator]();
  let nextHead = 0;
  let lastGoodHead = 0;
  const checkHeads = (): AuditProblem | null => {
    for (; nextHead < heads.length && heads[nextHead].tree_size === frontier.size; nextHead++) {
      const head = heads[nextHead];
      const root = toHex(frontier.root() ?? Buffer.from(EMPTY_ROOT_HEX, 'hex'));
      if (root !== head.root_hash) {
        return {
          kind: 'altered',
          leaf_index: lastGoodHead,
          event: null,
          detail:
            `the first ${head.tree_size} events do not hash to ${headLabel(head, keptHead)}: ` +
            `an event between leaf ${lastGoodHead} and leaf ${head.tree_size - 1} was changed`,
        };
      }
      lastGoodHead = head.tree_size;
    }
    return null;
  };
  let problem = checkHeads();
  if (problem) return { ok: false, checked: 0, problem };
  for await (const event of allEvents(events)) {
    const index = frontier.size;
    const hash = leafHashOf(leafDataOf(event));
    const leaf = stored?.next();
    if (leaf && !leaf.done && !Buffer.from(leaf.value.hash).equals(hash)) {
      problem = await whatHappened(events, tree!, leaf.value, event);
      return { ok: false, checked: index, problem };
    }
    frontier.append(hash, () => undefined);
    problem = checkHeads();
    if (problem) return { ok: false, checked: frontier.size, problem };
  }
  const size = frontier.size;
  const extra = stored?.next();
  if (extra && !extra.done) {
    const detail =
      `the tree holds leaf ${size} (event ${extra.value.event_id}) but the store ends after ` +
      `${size} events: its tail was removed`;
    return {
      ok: false,
      checked: size,
      problem: { kind: 'removed', leaf_index: size, event: null, detail },
    };
  }
  const beyond = heads[nextHead];
  if (beyond !== undefined) {
    const detail = `${headLabel(beyond, keptHead)} covers ${beyond.tree_size} events; the store holds only ${size}`;
    return {
      ok: false,
      checked: size,
      problem: { kind: 'truncated', leaf_index: size, event: null, detail },
    };
  }
  const root_hash = toHex(frontier.root() ?? Buffer.from(EMPTY_ROOT_HEX, 'hex'));
  return { ok: true, checked: size, root_hash, heads_checked: heads.length };
}

const EMPTY_ROOT_HEX = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

async function firstForgedHead(
  heads: readonly TreeHead[],
  keys: readonly AuditPublicKey[],
): Promise<TreeHead | null> {
  const byId = new Map(keys.map((key) => [key.key_id, key]));
  for (const head of heads) {
    const key = byId.get(head.key_id);
    if (key === undefined || !(await verifyTreeHead(head, key))) return head;
  }
  return null;
}

/**
 * The event at a leaf no longer hashes to the stored leaf: the same event changed (altered), an
 * event the tree never saw (inserted), or the tree's event stands elsewhere (reordered) or
 * nowhere any more (removed).
 */
async function whatHappened(
  events: EventStore,
  tree: SqliteAuditTreeStore,
  leaf: StoredLeaf,
  found: RecordedEvent,
): Promise<AuditProblem> {
  const at = { leaf_index: leaf.leaf_index, event: summary(found) };
  if (found.id === leaf.event_id) {
    return { ...at, kind: 'altered', detail: 'its content no longer matches its leaf' };
  }
  const recorded = tree.leafOf(found.id);
  if (recorded === null) {
    return { ...at, kind: 'inserted', detail: `event ${found.id} was never appended to the tree` };
  }
  for await (const later of allEvents(events, found.position)) {
    if (later.id === leaf.event_id) {
      return {
        ...at,
        kind: 'reordered',
        detail: `leaf ${leaf.leaf_index} was event ${leaf.event_id}, which now stands at position ${later.position}`,
      };
    }
  }
  return {
    ...at,
    kind: 'removed',
    detail: `leaf ${leaf.leaf_index} was event ${leaf.event_id}, no longer in the store`,
  };
}
