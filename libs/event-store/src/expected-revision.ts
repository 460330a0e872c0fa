/**
 * The concurrency guard of an append: `no_stream` (must not exist), `exists` (must exist),
 * `any` (no check), or the exact 0-based revision of the stream's last event.
 */
export type ExpectedRevision = 'no_stream' | 'exists' | 'any' | number;

/** The stream's revision did not match the expected one: nothing was written. */
export class WrongExpectedRevisionError extends Error {
  readonly code = 'revision_conflict';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or `no_stream`. */
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${stream}: expected revision ${expected}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Whether a stream whose last revision is `actual` satisfies `expected`. */
export function matchesExpectedRevision(
  expected: ExpectedRevision,
  actual: number | 'no_stream',
): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 'no_stream';
  if (expected === 'exists') return actual !== 'no_stream';
  return actual === expected;
}
