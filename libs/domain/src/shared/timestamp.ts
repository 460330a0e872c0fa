/**
 * Calendar date, optionally followed by a time with an explicit offset. A time without an offset
 * is refused: it would mean the server's local time zone, which the caller cannot know.
 */
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?$/;

/** The instant a strict ISO-8601 timestamp names (a bare date is UTC midnight), or null if it is not one. */
export function parseTimestamp(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = ISO_8601.exec(value);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.parse rolls 2027-02-30 over into March: a day that does not exist lands in another month.
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day);
  return calendar.getUTCMonth() === month - 1 ? new Date(value) : null;
}
