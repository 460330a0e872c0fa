import { Logger, pino } from 'pino';
import { RunnerLogger } from '@keyledger/read-models';
import { AppConfig } from '@keyledger/runtime';

/** The projector's JSON log on stdout, at the service's level; errors keep their stack and cause. */
export function projectorLog(level: AppConfig['logLevel']): Logger {
  // The runner reports its failure under `error`, which pino would print as `{}` unserialised.
  return pino({ name: 'projector', level, serializers: { error: pino.stdSerializers.err } });
}

/** Where the projection runner reports the failure that stopped it. */
export const runnerLog = (log: Logger): RunnerLogger => ({
  error: (message, context) => log.error(context, message),
});
