import { lastPosition } from './write-result';

describe('lastPosition', () => {
  it('is the highest position written', () => {
    expect(lastPosition(4, null, 9, 7)).toBe(9);
  });
  it('is null when nothing was written', () => {
    expect(lastPosition(null, null)).toBeNull();
    expect(lastPosition()).toBeNull();
  });
});
