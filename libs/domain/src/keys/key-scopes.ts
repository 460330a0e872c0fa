/** Every scope a key can carry. */
export const KEY_SCOPES = ['completions', 'skills', 'billing', 'management'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

/** Scopes of a key created without naming any: never `management`. */
export const DEFAULT_KEY_SCOPES: readonly KeyScope[] = ['completions', 'skills'];
