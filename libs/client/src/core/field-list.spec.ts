import { FieldList, fieldNames, requiredFieldNames } from './field-list';

interface Sample {
  readonly b: string | null;
  readonly a?: number;
  readonly c: boolean;
}

const SAMPLE: FieldList<Sample> = { b: 'required', a: 'optional', c: 'required' };

describe('field lists', () => {
  it('names every field, sorted', () => {
    expect(fieldNames(SAMPLE)).toEqual(['a', 'b', 'c']);
  });

  it('names the required ones', () => {
    expect(requiredFieldNames(SAMPLE)).toEqual(['b', 'c']);
  });
});
