import { Logger } from 'pino';

const INFO = 30;

/**
 * One short line per answered request: method, route (the pattern, so no ids or query strings),
 * status, duration, request id and the error code of a refusal. Never a header or a body, so
 * it carries no secret; skipped entirely below the info level.
 */
export class AccessLog {
  constructor(private readonly logger: Logger) {}

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
}
