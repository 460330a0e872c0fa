import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import pino, { Level, Logger } from 'pino';

/** Where credentials would sit in anything logged with a request or response: never written. */
const REDACTED = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/** The process's pino logger: JSON lines on stdout, credentials redacted. */
export const serviceLogger = (level: Level | 'silent'): Logger =>
  pino({ level, redact: { paths: REDACTED, censor: '[redacted]' } });

/**
 * Nest's logger over that pino logger. Built by hand rather than through nestjs-pino's module:
 * the module also installs pino-http and an AsyncLocalStorage scope on every request, which the
 * compact access log makes unnecessary.
 */
export function nestLogger(logger: Logger): NestPinoLogger {
  const params = { pinoHttp: { logger } };
  return new NestPinoLogger(new PinoLogger(params), params);
}
