import { MAX_LEAK_SOURCE, MAX_LEAK_SOURCE_URL } from '@keyledger/domain';
import { ApiError } from '../../shared/errors/api-error';

/** One match GitHub reports: `{ token, type, url, source }`. */
export interface GithubMatch {
  readonly token: string;
  readonly type: string;
  /** null when GitHub sent none, or none we keep (not an http(s) URL, too long). */
  readonly url: string | null;
  readonly source: string;
}

/** Most matches read from one report. */
export const MAX_GITHUB_MATCHES = 1000;
/** Longest token looked at; a longer one is no key of any format. */
const MAX_TOKEN = 1024;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The matches of a (verified) report. GitHub's fields are taken leniently (a url or source we
 * cannot keep is dropped, not refused): the report is what matters. A body that is not a list of
 * `{ token, type }` objects is a 400 that names no token.
 */
export function githubMatches(body: unknown): readonly GithubMatch[] {
  const valid =
    Array.isArray(body) &&
    body.length <= MAX_GITHUB_MATCHES &&
    body.every(
      (match) =>
        isRecord(match) &&
        typeof match.token === 'string' &&
        match.token.length <= MAX_TOKEN &&
        typeof match.type === 'string',
    );
  if (!valid) {
    throw new ApiError(
      400,
      'validation_failed',
      `The body must be a list of at most ${MAX_GITHUB_MATCHES} { token, type, url, source } objects.`,
    );
  }
  return (body as Record<string, unknown>[]).map((match) => ({
    token: match.token as string,
    type: match.type as string,
    url:
      typeof match.url === 'string' &&
      match.url.length <= MAX_LEAK_SOURCE_URL &&
      /^https?:\/\/\S+$/i.test(match.url)
        ? match.url
        : null,
    source:
      typeof match.source === 'string' && match.source.trim() !== ''
        ? match.source.trim().slice(0, MAX_LEAK_SOURCE)
        : 'github',
  }));
}
