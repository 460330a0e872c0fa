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
  const globs = patterns.filter((pattern) => pattern.includes('*')).map(globTest);
  return (model) => literals.has(model) || globs.some((matches) => matches(model));
}

/** One star at either end (`openai/*`, `*-free`), the usual shapes, is a string test; others a RegExp. */
function globTest(glob: string): (model: string) => boolean {
  const [head, tail, ...more] = glob.split('*');
  if (more.length === 0 && tail === '') return (model) => model.startsWith(head);
  if (more.length === 0 && head === '') return (model) => model.endsWith(tail);
  const regExp = globRegExp(glob);
  return (model) => regExp.test(model);
}
