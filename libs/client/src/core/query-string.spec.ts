import { toQueryString } from './query-string';

describe('toQueryString', () => {
  it('is empty when no parameter has a value', () => {
    expect(toQueryString({})).toBe('');
    expect(toQueryString({ cursor: undefined, org_id: null })).toBe('');
  });

  it('keeps the given order, writes booleans and numbers as text, and drops absent values', () => {
    expect(
      toQueryString({
        limit: 2,
        include_revoked: true,
        enabled: false,
        scope: undefined,
        name: 'ci',
      }),
    ).toBe('?limit=2&include_revoked=true&enabled=false&name=ci');
  });

  it('encodes what a cursor or a search may contain', () => {
    expect(toQueryString({ cursor: 'a+b/c=', name: 'ci & cd?' })).toBe(
      '?cursor=a%2Bb%2Fc%3D&name=ci+%26+cd%3F',
    );
  });

  it('sends an empty string as an empty value, for the service to judge', () => {
    expect(toQueryString({ name: '' })).toBe('?name=');
  });

  it.each([[NaN], [Infinity]])('refuses %p rather than sending it', (value) => {
    expect(() => toQueryString({ limit: value })).toThrow(TypeError);
  });
});
