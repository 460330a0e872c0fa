import { recordedEvent } from '@keyledger/event-store/testing';
import { revisionShown } from './revision-shown';

describe('revisionShown', () => {
  const history = [
    recordedEvent({ revision: 0, position: 3 }),
    recordedEvent({ revision: 1, position: 7 }),
    recordedEvent({ revision: 2, position: 12 }),
  ];

  it('is the revision of the last event at or before the position the document shows', () => {
    expect(revisionShown(history, 7)).toBe(1);
    expect(revisionShown(history, 11)).toBe(1);
    expect(revisionShown(history, 12)).toBe(2);
  });

  it("counts other streams' positions in between (a document written by another stream)", () => {
    expect(revisionShown(history, 100)).toBe(2);
  });

  it('is null before the first event', () => {
    expect(revisionShown(history, 2)).toBeNull();
    expect(revisionShown([], 5)).toBeNull();
  });
});
