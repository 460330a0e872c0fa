import pino, { Level, Logger } from 'pino';

const INFO = 30;
/** Lines are written in batches of this many bytes, and at least every FLUSH_MS. */
const BATCH_BYTES = 4096;
const FLUSH_MS = 1000;

/**
 * One short line per answered request: method, route (the pattern, so no ids or query strings),
 * status, duration, request id and the error code of a refusal. Never a header or a body, so
 * it carries no secret; skipped entirely below the info level.
 *
 * Lines go to stdout in batches (one write per ~25 lines, at least once a second, and on close)
 * rather than one write each: a write per request cost more than the gateway's whole answer.
 * A crash loses at most the last second of access lines; every other log line is unbuffered.
 */
export class AccessLog {
  private readonly destination: ReturnType<typeof pino.destination>;
  private readonly logger: Logger;

  constructor(level: Level | 'silent') {
    this.destination = pino.destination({
      dest: 1,
      sync: true,
      minLength: BATCH_BYTES,
      periodicFlush: FLUSH_MS,
    });
    this.logger = pino({ level }, this.destination);
  }

  /** Logs one answered request; `ms` is the time from its arrival to its answer. */
  record(
    method: string,
    route: string,
    status: number,
    ms: number,
    requestId: string,
    errorCode: string | null,
  ): void {
    if (this.logger.levelVal > INFO) return;
    this.logger.info(
      {
        method,
        route,
        status,
        ms: Math.round(ms * 100) / 100,
        request_id: requestId,
        error_code: errorCode,
      },
      'request completed',
    );
  }

  /** Writes out the lines still batched (on shutdown). */
  flush(): void {
    this.destination.flushSync();
  }
}
