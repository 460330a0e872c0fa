import { hostname } from 'node:os';
import pino, { Level } from 'pino';

const INFO = 30;
/** Lines are written in batches of this many bytes, and at least every FLUSH_MS. */
const BATCH_BYTES = 4096;
const FLUSH_MS = 1000;

/** Where the lines go: pino's destination (sonic-boom), or any sink in a test. */
export interface AccessLogSink {
  write(line: string): unknown;
  flushSync(): void;
}

/**
 * One short line per answered request: method, route (the pattern, so no ids or query strings),
 * status, duration, request id and the error code of a refusal. Never a header or a body, so
 * it carries no secret; skipped entirely below the info level.
 *
 * The line is pino's own shape (level, time, pid, hostname, the fields, msg), so it reads like
 * every other log line, but it is put together here from its six values: pino's general-purpose
 * serialiser cost as much as the gateway's whole answer. Every string goes through
 * JSON.stringify, so a method or route can never break the line.
 *
 * Lines go to stdout in batches (one write per ~25 lines, at least once a second, and on close)
 * rather than one write each: a write per request cost more than the gateway's whole answer.
 * A crash loses at most the last second of access lines; every other log line is unbuffered.
 */
export class AccessLog {
  private readonly enabled: boolean;
  private readonly sink: AccessLogSink;
  /** What follows the time on every line: the process's bindings, as pino writes them. */
  private readonly bindings = `,"pid":${process.pid},"hostname":${JSON.stringify(hostname())}`;

  constructor(level: Level | 'silent', sink?: AccessLogSink) {
    this.enabled = level !== 'silent' && pino.levels.values[level] <= INFO;
    this.sink =
      sink ??
      pino.destination({ dest: 1, sync: true, minLength: BATCH_BYTES, periodicFlush: FLUSH_MS });
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
    if (!this.enabled) return;
    this.sink.write(
      `{"level":${INFO},"time":${Date.now()}${this.bindings},"method":${JSON.stringify(method)},` +
        `"route":${JSON.stringify(route)},"status":${status},"ms":${Math.round(ms * 100) / 100},` +
        `"request_id":${JSON.stringify(requestId)},"error_code":${errorCode === null ? 'null' : JSON.stringify(errorCode)},` +
        `"msg":"request completed"}\n`,
    );
  }

  /** Writes out the lines still batched (on shutdown). */
  flush(): void {
    this.sink.flushSync();
  }
}
