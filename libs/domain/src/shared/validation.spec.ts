import { DomainError } from './domain-error';
import { characterCount, FieldErrors, validate } from './validation';

const refusal = (check: (errors: FieldErrors) => unknown): DomainError => {
  try {
    validate(check);
  } catch (error) {
    if (error instanceof DomainError) return error;
  }
  throw new Error('expected a DomainError');
};

describe('FieldErrors.text', () => {
  it('returns the trimmed text and counts its length after trimming', () => {
    expect(validate((errors) => errors.text('name', `  ${'x'.repeat(4)}  `, 1, 4))).toBe('xxxx');
  });

  it.each<[string, unknown]>([
    ['blank', '   '],
    ['too long', 'xxxxx'],
    ['not a string', 42],
  ])('refuses %s text on its field', (_, value) => {
    expect(refusal((errors) => errors.text('name', value, 1, 4)).fields).toEqual([
      { field: 'name', message: expect.any(String) },
    ]);
  });

  it('counts characters as code points, so emoji are not double-counted', () => {
    expect(characterCount('👍🏽a')).toBe(3);
    expect(validate((errors) => errors.text('name', '👍👍', 1, 2))).toBe('👍👍');
  });
});

describe('FieldErrors.optionalText', () => {
  it.each([null, undefined, '   '])('turns %j into null', (value) => {
    expect(validate((errors) => errors.optionalText('description', value, 3))).toBeNull();
  });

  it('keeps trimmed text and refuses text that is too long', () => {
    expect(validate((errors) => errors.optionalText('description', ' abc ', 3))).toBe('abc');
    expect(refusal((errors) => errors.optionalText('description', 'abcd', 3)).fields[0].field).toBe(
      'description',
    );
  });
});

describe('FieldErrors.flag', () => {
  it('accepts booleans and absence, refuses anything else', () => {
    expect(() => validate((errors) => errors.flag('enabled', true))).not.toThrow();
    expect(() => validate((errors) => errors.flag('enabled', undefined))).not.toThrow();
    expect(refusal((errors) => errors.flag('enabled', 'yes')).fields[0].field).toBe('enabled');
  });
});

describe('validate', () => {
  it('reports every failed field at once, as validation_failed', () => {
    const error = refusal((errors) => {
      errors.add('name', 'bad');
      errors.add('limit', 'worse');
    });
    expect(error.code).toBe('validation_failed');
    expect(error.fields.map((f) => f.field)).toEqual(['name', 'limit']);
    expect(error.message).toBe('name: bad; limit: worse');
  });
});
