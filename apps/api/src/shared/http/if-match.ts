import { ApiError } from '../errors/api-error';

/** The revision an `If-Match: "3"` header names; null when absent. */
export function parseIfMatch(header: string | undefined): number | null {
  if (header === undefined || header.trim() === '*') return null;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match)
    throw new ApiError(
      400,
      'invalid_if_match',
      'If-Match must be an ETag this API returned, such as "3".',
      [{ field: 'If-Match', message: 'must be a quoted revision number' }],
    );
  return Number(match[1]);
}
