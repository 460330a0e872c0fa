import { existsSync } from 'node:fs';
import { EventStore } from '@keyledger/event-store';
import { AppConfig } from '../../../api/src/config/app-config';
import { openEventStore } from '../../../api/src/infrastructure/open-stores';
import { CliOutput } from './cli-output';

/** Exit code when there is no event store to read, apart from 1 (the command failed). */
export const NO_STORE = 2;

/**
 * The configured event store, or null (said on stderr, exit code 2) when the embedded file does
 * not exist: a reading command never creates an empty store where the operator expected data.
 */
export function openExistingEventStore(
  config: AppConfig['eventStore'],
  output: CliOutput,
): EventStore | null {
  if (config.kind === 'sqlite' && !existsSync(config.file)) {
    output.problem(`no event store at ${config.file} (set DATA_DIR)`);
    process.exitCode = NO_STORE;
    return null;
  }
  return openEventStore(config);
}
