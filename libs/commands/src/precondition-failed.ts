/**
 * The caller's `If-Match` names a revision the stream is no longer at: it decided on a state
 * it did not see. Never retried (unlike a lost race without If-Match); the edge answers 412.
 */
export class PreconditionFailedError extends Error {
  readonly code = 'precondition_failed';

  constructor(
    readonly stream: string,
    /** The revision the caller sent. */
    readonly expected: number,
    /** The stream's revision when the command was decided, or `no_stream`. */
    readonly actual: number | 'no_stream' | null,
  ) {
    super(`stream ${stream}: If-Match ${expected}, current revision ${actual ?? 'no_stream'}`);
    this.name = 'PreconditionFailedError';
  }
}
