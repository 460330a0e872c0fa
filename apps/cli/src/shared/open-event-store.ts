import { existsSync } from 'node:fs';
import { EventStore } from '@keyledger/event-store';
import { AppConfig, openEventStore } from '@keyledger/runtime';
import { CliOutput } from './cli-output';

/** Exit code when there is no event store to read, apart from 1 (the command failed). */
export const NO_STORE = 2;

/**
 * Whether there is an event store to read; when the embedded file does not exist it says so on
 * stderr (exit code 2): a reading command never creates an empty store where the operator
 * expected data.
 */
export function eventStoreExists(config: AppConfig['eventStore'], output: CliOutput): boolean {
  if (config.kind === 'sqlite' && !existsSync(config.file)) {
    output.problem(`no event store at ${config.file} (set DATA_DIR)`);
    process.exitCode = NO_STORE;
    return false;
  }
  return true;
}

/** The configured event store, or null (exit code 2) when there is none to read. */
export function openExistingEventStore(
  config: AppConfig['eventStore'],
  output: CliOutput,
): EventStore | null {
  return eventStoreExists(config, output) ? openEventStore(config) : null;
}
