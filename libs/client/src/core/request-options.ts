/** What every call accepts. */
export interface CallOptions {
  /** Aborts the request. */
  readonly signal?: AbortSignal;
}

/** Options of a read. */
export interface ReadOptions extends CallOptions {
  /**
   * Read-your-writes (SPEC §8): the `position` a write answered with. The service holds the read
   * (bounded) until its read models include it, or refuses with 503 `read_model_lagging`.
   * `null` sends nothing, so a write's `position` can be passed along as it is.
   */
  readonly minPosition?: number | null;
}

/** Options of a write to an existing resource. */
export interface WriteOptions extends CallOptions {
  /**
   * The `etag` last read (`"3"`) or its revision (3): the write is refused with 412
   * `precondition_failed` if the resource changed since. `null` sends nothing.
   */
  readonly ifMatch?: string | number | null;
}

/** Options of a create that may be retried. */
export interface CreateOptions extends CallOptions {
  /** Any unique string: a retry with the same key and body creates nothing new. */
  readonly idempotencyKey?: string;
}

/** Options any call may carry, as the transport receives them. */
export type AnyOptions = ReadOptions & WriteOptions & CreateOptions;

/** The request headers the options ask for. */
export function optionHeaders(options: AnyOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (options.ifMatch !== undefined && options.ifMatch !== null) {
    headers['if-match'] =
      typeof options.ifMatch === 'number' ? `"${options.ifMatch}"` : options.ifMatch;
  }
  if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
  if (options.minPosition !== undefined && options.minPosition !== null) {
    headers['x-min-position'] = String(options.minPosition);
  }
  return headers;
}
