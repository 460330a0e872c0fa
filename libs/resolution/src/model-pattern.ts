const REGEXP_SPECIALS = /[.*+?^${}()|[\]\\]/g;

/** A glob as an anchored RegExp: `*` matches any run of characters, the rest is literal. */
const globRegExp = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .split('*')
      .map((part) => part.replace(REGEXP_SPECIALS, '\\$&'))
      .join('.*')}$`,
    's',
  );

/**
 * A test for model names against a plan tier's patterns (`openai/gpt-4o`, `anthropic/*`, `*`).
 * Literal names are a set lookup, so a long list of exact names costs nothing per request.
 */
export function modelMatcher(patterns: readonly string[]): (model: string) => boolean {
  if (patterns.includes('*')) return () => true;
  const literals = new Set(patterns.filter((pattern) => !pattern.includes('*')));
  const globs = patterns.filter((pattern) => pattern.includes('*')).map(globRegExp);
  return (model) => literals.has(model) || globs.some((glob) => glob.test(model));
}
