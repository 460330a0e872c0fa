/** A projection could not apply events; the runner stops on it rather than skip them. */
export class ProjectionError extends Error {
  constructor(
    readonly projection: string,
    /** The event that failed, or the first of the batch when the write failed. */
    readonly position: number,
    readonly event_type: string | null,
    options: { readonly cause: unknown },
  ) {
    const what =
      event_type === null
        ? `the batch from position ${position}`
        : `${event_type} at position ${position}`;
    super(
      `projection ${projection} failed on ${what}: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`,
      options,
    );
    this.name = 'ProjectionError';
  }
}
