import { RecordedEvent } from '@keyledger/event-store';
import { recordedEvent } from '@keyledger/event-store/testing';
import { Positioned } from '../store/read-store.port';
import { foldEvents } from './fold-events';
import { Projection } from './projection';
import { ProjectionError } from './projection-error';

interface Tally {
  readonly id: string;
  readonly total: number;
}

/** Adds `amount` to the tally named by `tally`; `Reset` deletes it; `Noop` changes nothing; `Broken` throws. */
const tallies: Projection<Tally> = {
  name: 'tallies.v1',
  collection: { name: 'tallies', indexes: [] },
  streamPrefixes: ['tally-'],
  documentIds: (event) => [String(event.data.tally)],
  apply: (tally, event) => {
    if (event.type === 'Broken') throw new Error('cannot apply');
    if (event.type === 'Reset') return null;
    if (event.type === 'Noop') return tally;
    return { id: String(event.data.tally), total: (tally?.total ?? 0) + Number(event.data.amount) };
  },
};

const event = (position: number, type: string, data: RecordedEvent['data'] = {}): RecordedEvent =>
  recordedEvent({ position, type, data: { tally: 'a', ...data } });

const stored = (total: number, position: number): ReadonlyMap<string, Positioned<Tally>> =>
  new Map([['a', { document: { id: 'a', total }, position }]]);

describe('foldEvents', () => {
  it('folds all of a batch into one write per document, at the last position', () => {
    const writes = foldEvents(tallies, new Map(), [
      event(1, 'Added', { amount: 2 }),
      event(2, 'Added', { tally: 'b', amount: 5 }),
      event(3, 'Added', { amount: 3 }),
    ]);
    expect(writes).toEqual([
      { id: 'a', document: { id: 'a', total: 5 }, position: 3 },
      { id: 'b', document: { id: 'b', total: 5 }, position: 2 },
    ]);
  });

  it('starts from the stored document and skips events it already applied', () => {
    const writes = foldEvents(tallies, stored(10, 2), [
      event(1, 'Added', { amount: 100 }),
      event(2, 'Added', { amount: 100 }),
      event(3, 'Added', { amount: 1 }),
    ]);
    expect(writes).toEqual([{ id: 'a', document: { id: 'a', total: 11 }, position: 3 }]);
  });

  it('writes nothing for a fully redelivered batch or an event that changes nothing', () => {
    expect(
      foldEvents(tallies, stored(10, 5), [event(4, 'Added', { amount: 1 }), event(5, 'Reset')]),
    ).toEqual([]);
    expect(foldEvents(tallies, stored(10, 5), [event(6, 'Noop')])).toEqual([]);
  });

  it('writes a delete when the projection removes the document', () => {
    expect(foldEvents(tallies, stored(10, 5), [event(6, 'Reset')])).toEqual([
      { id: 'a', document: null, position: 6 },
    ]);
  });

  it('names the projection and the event when applying fails', () => {
    const failing = () => foldEvents(tallies, new Map(), [event(7, 'Broken')]);
    expect(failing).toThrow(ProjectionError);
    expect(failing).toThrow('projection tallies.v1 failed on Broken at position 7: cannot apply');
  });
});
