import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { ChainVerdict, verifySqliteChain } from '@keyledger/event-store';
import { loadConfig } from '../../../api/src/config/app-config';
import { CliOutput } from '../shared/cli-output';

/** Exit code when this store cannot be verified here, apart from 1: verified and broken. */
const NOT_VERIFIABLE = 2;

/** What `verify` prints for a verdict. */
export function verdictLine(verdict: ChainVerdict): string {
  if (verdict.ok) return `OK: ${verdict.checked} events, chain head ${verdict.head}`;
  const { kind, position, stream, revision, detail } = verdict.problem;
  return (
    `BROKEN: event at position ${position} (stream ${stream}, revision ${revision}) ${kind}: ` +
    `${detail}; ${verdict.checked} events before it verified`
  );
}

/** `verify`: recompute the SQLite store's hash chain and name the first event that breaks it. */
export function verifyCommand(output: CliOutput): Command {
  return new Command('verify')
    .description("recompute the event store's hash chain; exit 1 at the first broken event")
    .addHelpText(
      'after',
      `\nExit codes: 0 intact, 1 broken, ${NOT_VERIFIABLE} nothing to verify (no file, or EVENT_STORE=esdb).`,
    )
    .action(() => {
      const { eventStore } = loadConfig();
      if (eventStore.kind === 'esdb') {
        output.problem(
          'verify is not supported for EVENT_STORE=esdb: the hash chain is written by the SQLite ' +
            'adapter; EventStoreDB keeps no chain links to recompute',
        );
        process.exitCode = NOT_VERIFIABLE;
        return;
      }
      if (!existsSync(eventStore.file)) {
        output.problem(`no event store at ${eventStore.file} (set DATA_DIR)`);
        process.exitCode = NOT_VERIFIABLE;
        return;
      }
      const verdict = verifySqliteChain(eventStore.file);
      output.line(verdictLine(verdict));
      if (!verdict.ok) process.exitCode = 1;
    });
}
