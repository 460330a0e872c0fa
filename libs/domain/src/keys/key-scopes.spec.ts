import { failedFields } from '../testing';
import { FieldErrors } from '../shared/validation';
import { checkKeyScopes, DEFAULT_KEY_SCOPES, isKeyScope, KEY_SCOPES } from './key-scopes';

describe('key scopes', () => {
  it('knows exactly completions, skills, billing and management', () => {
    expect(KEY_SCOPES).toEqual(['completions', 'skills', 'billing', 'management']);
    expect(isKeyScope('billing')).toBe(true);
    expect(isKeyScope('admin')).toBe(false);
  });

  it('defaults to completions and skills, never management', () => {
    expect(checkKeyScopes(new FieldErrors(), undefined)).toEqual(['completions', 'skills']);
    expect(DEFAULT_KEY_SCOPES).not.toContain('management');
  });

  it('keeps the given scopes in their order', () => {
    expect(checkKeyScopes(new FieldErrors(), ['management', 'billing'])).toEqual([
      'management',
      'billing',
    ]);
  });

  it.each<[string, unknown[]]>([
    ['an empty list', []],
    ['an unknown scope', ['completions', 'root']],
    ['a repeated scope', ['skills', 'skills']],
    ['a non-string', [7]],
  ])('refuses %s on `scopes`', (_, scopes) => {
    expect(failedFields((errors) => checkKeyScopes(errors, scopes))).toEqual(['scopes']);
  });
});
