import { changedFields, sameData } from './same-data';

describe('sameData', () => {
  it.each<[unknown, unknown]>([
    [
      { a: 1, b: [1, { c: 'x' }] },
      { b: [1, { c: 'x' }], a: 1 },
    ],
    [null, null],
    [[], []],
    ['x', 'x'],
  ])('treats %j and %j as the same', (a, b) => {
    expect(sameData(a, b)).toBe(true);
  });

  it.each<[unknown, unknown]>([
    [
      [1, 2],
      [2, 1],
    ],
    [{ a: 1 }, { a: 1, b: 2 }],
    [{ a: undefined }, {}],
    [{ 0: 'x' }, ['x']],
    [null, {}],
    [{ a: [1] }, { a: [1, 2] }],
    [0.5, 0.51],
  ])('tells %j and %j apart', (a, b) => {
    expect(sameData(a, b)).toBe(false);
  });
});

describe('changedFields', () => {
  it('keeps only the fields whose values differ', () => {
    const current = { name: 'a', tags: ['x'], note: null as string | null };
    expect(changedFields(current, current)).toEqual({});
    expect(changedFields<typeof current>({ name: 'a', tags: ['y'], note: 'n' }, current)).toEqual({
      tags: ['y'],
      note: 'n',
    });
  });
});
