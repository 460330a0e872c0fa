import { Logger } from 'pino';

/**
 * Aborts on the first SIGTERM or SIGINT, so the projector finishes its batch and stops. A second
 * signal exits at once: safe, since a half-applied batch is delivered again and skipped by position.
 */
export function shutdownSignal(log: Logger): AbortSignal {
  const shutdown = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (shutdown.signal.aborted) {
      log.warn({ signal }, 'second signal: exiting without finishing the batch');
      process.exit(1);
    }
    log.info({ signal }, 'stopping after the batch in flight');
    shutdown.abort();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return shutdown.signal;
}
