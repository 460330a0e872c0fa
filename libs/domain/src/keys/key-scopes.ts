import { FieldErrors } from '../shared/validation';

/** Every scope a key can carry. */
export const KEY_SCOPES = ['completions', 'skills', 'billing', 'management'] as const;
/** One of KEY_SCOPES. */
export type KeyScope = (typeof KEY_SCOPES)[number];

/** Scopes of a key created without naming any: never `management`, which administers keys. */
export const DEFAULT_KEY_SCOPES: readonly KeyScope[] = ['completions', 'skills'];

/** Whether a string names a known scope. */
export const isKeyScope = (value: unknown): value is KeyScope =>
  (KEY_SCOPES as readonly unknown[]).includes(value);

/** The scopes (default ones when absent); records errors on `scopes` unless non-empty, known and distinct. */
export function checkKeyScopes(
  errors: FieldErrors,
  scopes: readonly unknown[] | undefined,
): readonly KeyScope[] {
  if (scopes === undefined) return DEFAULT_KEY_SCOPES;
  if (!Array.isArray(scopes) || scopes.length === 0) {
    errors.add('scopes', 'must name at least one scope');
    return [];
  }
  const unknown = scopes.filter((scope) => !isKeyScope(scope));
  if (unknown.length > 0) {
    errors.add(
      'scopes',
      `unknown scope(s) ${unknown.map((s) => JSON.stringify(s)).join(', ')}; known: ${KEY_SCOPES.join(', ')}`,
    );
  }
  if (new Set(scopes).size !== scopes.length) errors.add('scopes', 'must not repeat a scope');
  return scopes.filter(isKeyScope);
}
