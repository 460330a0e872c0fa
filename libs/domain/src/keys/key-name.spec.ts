import { failedFields } from '../testing';
import { checkKeyName, KEY_NAME_MAX } from './key-name';

describe('checkKeyName', () => {
  it.each([
    ['one character', 'a'],
    ['128 characters', 'n'.repeat(KEY_NAME_MAX)],
    ['128 characters once trimmed', ` ${'n'.repeat(KEY_NAME_MAX)} `],
  ])('accepts %s', (_, name) => {
    expect(failedFields((errors) => checkKeyName(errors, name))).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['blank', '  \t '],
    ['129 characters', 'n'.repeat(KEY_NAME_MAX + 1)],
  ])('refuses %s on `name`', (_, name) => {
    expect(failedFields((errors) => checkKeyName(errors, name))).toEqual(['name']);
  });
});
