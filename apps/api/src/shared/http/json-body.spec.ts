import { jsonNestingDepth } from './json-body';

describe('jsonNestingDepth', () => {
  it.each([
    ['1', 0],
    ['{}', 1],
    ['{"a":[1,{"b":[]}]}', 4],
    ['{"a":"[[[[{{{{"}', 1],
    ['["\\"[[["]', 1],
    [`${'['.repeat(10_000)}${']'.repeat(10_000)}`, 10_000],
  ])('%s nests %i deep', (text, depth) => {
    expect(jsonNestingDepth(text)).toBe(depth);
  });
});
