import { recordedEvent } from '@keyledger/event-store/testing';
import { eventGuard } from './event-guard';

type Fruit =
  | { readonly type: 'Apple'; readonly data: { readonly crisp: boolean } }
  | { readonly type: 'Pear'; readonly data: object };

describe('eventGuard', () => {
  const isFruit = eventGuard<Fruit>({ Apple: true, Pear: true });

  it('recognises the listed types and nothing else', () => {
    expect(isFruit(recordedEvent({ type: 'Apple', data: { crisp: true } }))).toBe(true);
    expect(isFruit(recordedEvent({ type: 'Pear' }))).toBe(true);
    expect(isFruit(recordedEvent({ type: 'Plum' }))).toBe(false);
    expect(isFruit(recordedEvent({ type: 'toString' }))).toBe(false);
  });
});
