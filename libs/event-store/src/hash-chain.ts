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

/** How the chain was broken at the event it names. */
export type ChainProblemKind = 'altered' | 'removed' | 'reordered';

/** The first event at which a stored chain stops verifying. */
export interface ChainProblem {
  readonly kind: ChainProblemKind;
  readonly position: number;
  readonly stream: string;
  readonly revision: number;
  readonly detail: string;
}

/**
 * The outcome of a verification. `head` is the last link: publishing it elsewhere (a log, a
 * receipt) is what exposes a truncated tail, which leaves a shorter but valid chain.
 */
export type ChainVerdict =
  | { readonly ok: true; readonly checked: number; readonly head: string }
  | { readonly ok: false; readonly checked: number; readonly problem: ChainProblem };

/** An event as stored, together with the link the store recorded for it. */
export interface ChainedEvent {
  readonly event: RecordedEvent;
  readonly link: string;
}

/** The stored chain, as the verifier reads it. */
export interface ChainSource {
  /** Every stored event in position order; called again to locate a misplaced event. */
  events(): Iterable<ChainedEvent>;
  /** Whether the stream holds this revision anywhere. */
  hasRevision(stream: string, revision: number): boolean;
}

type Finding = Pick<ChainProblem, 'kind' | 'detail'>;

/**
 * Walks the stored events in position order, recomputing each link from the stored link before
 * it, and names the first event that breaks the chain: its content changed (altered), an event
 * before it is missing (removed), or it does not stand where it was written (reordered).
 */
export function verifyChain(source: ChainSource): ChainVerdict {
  const lastRevisions = new Map<string, number>();
  let previous: ChainedEvent | null = null;
  let checked = 0;
  for (const current of source.events()) {
    const { event } = current;
    const finding =
      streamOrderProblem(event, (lastRevisions.get(event.stream) ?? -1) + 1, source) ??
      linkProblem(previous, current, source);
    if (finding) {
      const { position, stream, revision } = event;
      return { ok: false, checked, problem: { ...finding, position, stream, revision } };
    }
    lastRevisions.set(event.stream, event.revision);
    previous = current;
    checked++;
  }
  return { ok: true, checked, head: previous?.link ?? GENESIS_LINK };
}

function streamOrderProblem(
  event: RecordedEvent,
  expected: number,
  source: ChainSource,
): Finding | null {
  if (event.revision === expected) return null;
  if (event.revision < expected || source.hasRevision(event.stream, expected)) {
    return {
      kind: 'reordered',
      detail: `${event.stream} revision ${event.revision} stands where revision ${expected} belongs`,
    };
  }
  return { kind: 'removed', detail: `${event.stream} revision ${expected} is missing` };
}

function linkProblem(
  previous: ChainedEvent | null,
  current: ChainedEvent,
  source: ChainSource,
): Finding | null {
  const previousPosition = previous?.event.position ?? 0;
  // Positions are handed out densely and never reused, so a jump means events were taken out,
  // even where the link fits (the store appended after the tail had been deleted).
  if (current.event.position > previousPosition + 1) {
    return { kind: 'removed', detail: `position ${previousPosition + 1} is missing` };
  }
  if (chainLink(previous?.link ?? GENESIS_LINK, current.event) === current.link) return null;
  const writtenAt = positionItWasWrittenAt(current, source);
  if (writtenAt !== null) {
    return { kind: 'reordered', detail: `its recorded hash was computed at position ${writtenAt}` };
  }
  return { kind: 'altered', detail: 'its content no longer matches its recorded hash' };
}

/**
 * An event moved elsewhere still carries the link computed at its old place: find a place whose
 * predecessor (the event before it, or, for neighbours swapped, the event now at it) fits.
 */
function positionItWasWrittenAt({ event, link }: ChainedEvent, source: ChainSource): number | null {
  let linkBefore = GENESIS_LINK;
  for (const candidate of source.events()) {
    const position = candidate.event.position;
    const moved = { ...event, position };
    if (
      position !== event.position &&
      [linkBefore, candidate.link].some((prev) => chainLink(prev, moved) === link)
    ) {
      return position;
    }
    linkBefore = candidate.link;
  }
  return null;
}
