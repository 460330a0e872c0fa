import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { RecordedEvent } from './event-store.port';

/** The link before the first event. */
export const GENESIS_LINK = '0'.repeat(64);

/** Each event's link commits to its predecessor's link and to every stored field of the event. */
export function chainLink(previousLink: string, event: RecordedEvent): string {
  const content = canonicalJson({
    position: event.position,
    id: event.id,
    stream: event.stream,
    revision: event.revision,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recorded_at: event.recorded_at,
  });
  return createHash('sha256').update(previousLink).update(content).digest('hex');
}

export type ChainProblemKind = 'altered' | 'removed' | 'reordered';

/** The first event at which a stored chain stops verifying. */
export interface ChainProblem {
  readonly kind: ChainProblemKind;
  readonly position: number;
  readonly stream: string;
  readonly revision: number;
  readonly detail: string;
}

export type ChainVerdict =
  | { readonly ok: true; readonly checked: number; readonly head: string }
  | { readonly ok: false; readonly checked: number; readonly problem: ChainProblem };

/** An event as stored together with the link the store recorded for it. */
export interface ChainedEvent {
  readonly event: RecordedEvent;
  readonly link: string;
}

/**
 * Walks events in stored order and names the first one that breaks the chain: its own content
 * changed (altered), its predecessor is missing (removed), or it sits out of order (reordered).
 * `read` is called twice: once to learn which revisions exist, once to verify.
 */
export function verifyChain(read: () => Iterable<ChainedEvent>): ChainVerdict {
  const present = new Map<string, Set<number>>();
  for (const { event } of read()) {
    present.set(event.stream, (present.get(event.stream) ?? new Set()).add(event.revision));
  }
  let previous: ChainedEvent | null = null;
  let checked = 0;
  const lastRevision = new Map<string, number>();
  for (const current of read()) {
    const { event } = current;
    const expectedRevision = (lastRevision.get(event.stream) ?? -1) + 1;
    const problem =
      orderProblem(previous, event, expectedRevision, present.get(event.stream)) ??
      linkProblem(previous, current);
    if (problem) {
      return {
        ok: false,
        checked,
        problem: { ...problem, position: event.position, stream: event.stream, revision: event.revision },
      };
    }
    lastRevision.set(event.stream, event.revision);
    previous = current;
    checked++;
  }
  return { ok: true, checked, head: previous?.link ?? GENESIS_LINK };
}

type Finding = Pick<ChainProblem, 'kind' | 'detail'> | null;

function orderProblem(
  previous: ChainedEvent | null,
  event: RecordedEvent,
  expectedRevision: number,
  revisionsInStream: ReadonlySet<number> | undefined,
): Finding {
  if (previous && event.position <= previous.event.position) {
    return { kind: 'reordered', detail: `position ${event.position} follows ${previous.event.position}` };
  }
  if (event.revision === expectedRevision) return null;
  if (event.revision < expectedRevision || revisionsInStream?.has(expectedRevision)) {
    return { kind: 'reordered', detail: `${event.stream} revision ${event.revision} stands where revision ${expectedRevision} belongs` };
  }
  return { kind: 'removed', detail: `${event.stream} revision ${expectedRevision} is missing` };
}

function linkProblem(previous: ChainedEvent | null, { event, link }: ChainedEvent): Finding {
  if (chainLink(previous?.link ?? GENESIS_LINK, event) === link) return null;
  // Positions are dense: a jump means the events in between were taken out.
  const expectedPosition = (previous?.event.position ?? 0) + 1;
  if (event.position > expectedPosition) {
    return { kind: 'removed', detail: `position ${expectedPosition} is missing` };
  }
  return { kind: 'altered', detail: 'its content no longer matches its recorded hash' };
}
