/** What a command tells the client about the write it made. */
export interface WriteReceipt {
  /** Stream revision after the command: the resource's ETag. */
  readonly revision: number | null;
  /** Global position of the command's last event, for read-your-writes (`X-Min-Position`). */
  readonly position: number | null;
}

/** What a command answers: the resource, and whether reads already show the write. */
export interface WriteResult<T> extends WriteReceipt {
  readonly data: T;
  /** False when the read models did not catch up within the read-your-writes bound (a 202). */
  readonly visible: boolean;
}

/** A read answer with the revision of what it shows: its ETag, sent back in `If-Match`. */
export interface Versioned<T> {
  readonly data: T;
  readonly revision: number | null;
}

/** The highest of the positions a multi-stream command wrote at (null when it wrote nothing). */
export function lastPosition(...positions: readonly (number | null)[]): number | null {
  const written = positions.filter((position): position is number => position !== null);
  return written.length === 0 ? null : Math.max(...written);
}
