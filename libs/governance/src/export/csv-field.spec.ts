import { csvField } from './csv-field';

describe('csvField', () => {
  it.each<[unknown, string]>([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    ['Zoë 🔑 键', 'Zoë 🔑 键'],
    ['  padded  ', '  padded  '],
    [12.5, '12.5'],
    [false, 'false'],
    [null, ''],
    [undefined, ''],
    [{ reason: 'a "b", c' }, '"{""reason"":""a \\""b\\"", c""}"'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value as Parameters<typeof csvField>[0])).toBe(expected);
  });
});
