import { RecordedEvent } from './event-store.port';
import { ChainedEvent, chainLink, ChainSource, GENESIS_LINK, verifyChain } from './hash-chain';
import { recordedEvent } from './testing/fixtures';

/** Chains events as a store would when appending them in this order. */
function chained(events: readonly RecordedEvent[]): ChainedEvent[] {
  let link = GENESIS_LINK;
  return events.map((event) => ({ event, link: (link = chainLink(link, event)) }));
}

/** Serves rows in position order, as a store's verifier would read them. */
function source(rows: readonly ChainedEvent[]): ChainSource {
  const ordered = [...rows].sort((a, b) => a.event.position - b.event.position);
  return {
    events: () => ordered,
    hasRevision: (stream, revision) =>
      rows.some((r) => r.event.stream === stream && r.event.revision === revision),
  };
}

/** Moves the row written at `from` to position `to`, as an UPDATE of the position column would. */
const moveTo = (row: ChainedEvent, to: number): ChainedEvent => ({
  ...row,
  event: { ...row.event, position: to },
});

/** Events of the given streams at positions 1..n, each at the next revision of its stream. */
function written(streams: readonly string[]): ChainedEvent[] {
  return chained(
    streams.map((stream, i) =>
      recordedEvent({
        stream,
        revision: streams.slice(0, i).filter((s) => s === stream).length,
        position: i + 1,
        data: { i },
      }),
    ),
  );
}

// a0 b0 a1 a2 b1 at positions 1..5
const rows = written(['a', 'b', 'a', 'a', 'b']);

describe('verifyChain', () => {
  it('accepts an intact chain and returns its head', () => {
    expect(verifyChain(source(rows))).toEqual({ ok: true, checked: 5, head: rows[4].link });
  });

  it('accepts an empty store', () => {
    expect(verifyChain(source([]))).toEqual({ ok: true, checked: 0, head: GENESIS_LINK });
  });

  it('names an event whose content changed', () => {
    const altered = rows.map((r, i) =>
      i === 2 ? { ...r, event: { ...r.event, data: { i: 99 } } } : r,
    );
    expect(verifyChain(source(altered))).toMatchObject({
      ok: false,
      checked: 2,
      problem: { kind: 'altered', position: 3, stream: 'a', revision: 1 },
    });
  });

  it('names the event after a removed one of another stream', () => {
    const removed = rows.filter((_, i) => i !== 1);
    expect(verifyChain(source(removed))).toMatchObject({
      ok: false,
      checked: 1,
      problem: { kind: 'removed', position: 3, detail: 'position 2 is missing' },
    });
  });

  it('names a gap even where the link fits, as when the store appended after a deleted tail', () => {
    const [first, second] = written(['a', 'b']);
    const afterDeletedTail = chained([first.event, { ...second.event, position: 3 }]);
    expect(verifyChain(source(afterDeletedTail))).toMatchObject({
      ok: false,
      problem: { kind: 'removed', position: 3, detail: 'position 2 is missing' },
    });
  });

  it('names the event after a removed one of its own stream', () => {
    const removed = rows.filter((_, i) => i !== 2);
    expect(verifyChain(source(removed))).toMatchObject({
      ok: false,
      checked: 2,
      problem: {
        kind: 'removed',
        position: 4,
        stream: 'a',
        revision: 2,
        detail: 'a revision 1 is missing',
      },
    });
  });

  it('names neighbours of different streams that swapped places', () => {
    const swapped = [rows[0], moveTo(rows[1], 3), moveTo(rows[2], 2), rows[3], rows[4]];
    expect(verifyChain(source(swapped))).toMatchObject({
      ok: false,
      checked: 1,
      problem: {
        kind: 'reordered',
        position: 2,
        stream: 'a',
        revision: 1,
        detail: expect.stringContaining('position 3'),
      },
    });
  });

  it('names distant events that swapped places', () => {
    const [a, b, c, d] = written(['a', 'b', 'c', 'd']);
    const swapped = [a, moveTo(d, 2), c, moveTo(b, 4)];
    expect(verifyChain(source(swapped))).toMatchObject({
      ok: false,
      checked: 1,
      problem: {
        kind: 'reordered',
        position: 2,
        stream: 'd',
        detail: expect.stringContaining('position 4'),
      },
    });
  });

  it('names events of one stream that swapped places', () => {
    const swapped = [rows[0], rows[1], moveTo(rows[2], 4), moveTo(rows[3], 3), rows[4]];
    expect(verifyChain(source(swapped))).toMatchObject({
      ok: false,
      checked: 2,
      problem: { kind: 'reordered', position: 3, stream: 'a', revision: 2 },
    });
  });

  it('shows a truncated tail only through a different head', () => {
    const verdict = verifyChain(source(rows.slice(0, 4)));
    expect(verdict).toEqual({ ok: true, checked: 4, head: rows[3].link });
    expect(rows[3].link).not.toBe(rows[4].link);
  });
});
