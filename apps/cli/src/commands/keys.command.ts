import { Command, InvalidArgumentError } from 'commander';
import {
  ImportedKeyOutcome,
  ImportedKeyRequest,
  KeyledgerApiError,
  KeyledgerClient,
} from '@keyledger/client';
import { CliOutput } from '../shared/cli-output';
import { ImportFileError, MAX_IMPORT_BATCH, openImportFile } from '../keys/key-import-file';

interface ImportCommandOptions {
  readonly url: string;
  readonly token?: string;
  readonly origin?: string;
  readonly batchSize: number;
  readonly json?: boolean;
}

type Summary = Record<ImportedKeyOutcome['status'], number>;

/** Exit codes: every key in, some refused, or the file or a whole call refused. */
const EXIT = { refused: 1, failed: 2 } as const;

const batchSize = (value: string): number => {
  const size = Number(value);
  if (!/^\d+$/.test(value) || size < 1 || size > MAX_IMPORT_BATCH) {
    throw new InvalidArgumentError(`expected a whole number from 1 to ${MAX_IMPORT_BATCH}.`);
  }
  return size;
};

/** One outcome as a line: its place in the file, what became of it, and why when refused. */
function outcomeLine(outcome: ImportedKeyOutcome): string {
  const head = `#${outcome.index} ${outcome.status.padEnd(16)} ${outcome.hash ?? '-'}`;
  if (outcome.error === null) return `${head} ${outcome.key_id}`;
  const fields = outcome.error.fields.map((f) => f.field).join(', ');
  return `${head} ${outcome.error.code}: ${outcome.error.message}${fields ? ` (${fields})` : ''}`;
}

/**
 * `keys import <file>`: sends a file of keys made elsewhere to a running service, through
 * `POST /api/v1/keys/import` (so with its rules: the caller's rights, org key policies,
 * idempotency on the hash), in calls of at most 1,000 keys.
 */
export function keysCommand(output: CliOutput): Command {
  const keys = new Command('keys').description('API keys, through a running service');
  keys
    .command('import')
    .description(
      'import keys by the SHA-256 of their secrets (as POST /api/v1/keys/import), printing what became of each',
    )
    .argument('<file>', '.ndjson/.jsonl (a key a line) or .json (an array, or { keys, origin })')
    .option(
      '--url <url>',
      'the service (env KEYLEDGER_URL)',
      process.env.KEYLEDGER_URL ?? 'http://127.0.0.1:3000',
    )
    // No default from the environment: commander would print it in --help.
    .option(
      '--token <token>',
      "a session JWT or a management key's secret, sent as Bearer (env KEYLEDGER_TOKEN)",
    )
    .option('--origin <name>', 'where the keys come from, kept with each import (openrouter)')
    .option(
      '--batch-size <n>',
      `keys a call, 1 to ${MAX_IMPORT_BATCH}`,
      batchSize,
      MAX_IMPORT_BATCH,
    )
    .option('--json', 'one JSON outcome a line, then {"summary": …}')
    .addHelpText(
      'after',
      '\nExit code: 0 every key created or already imported, 1 some refused, 2 the file or a call refused.' +
        '\nImport is idempotent on the hash: after a failure, run the same file again.' +
        '\nExample: KEYLEDGER_TOKEN=… npm run cli -- keys import openrouter-keys.ndjson --origin openrouter',
    )
    .action(async (file: string, options: ImportCommandOptions) => {
      process.exitCode = await importFile(output, file, options);
    });
  return keys;
}

async function importFile(
  output: CliOutput,
  file: string,
  options: ImportCommandOptions,
): Promise<number> {
  const token = options.token ?? process.env.KEYLEDGER_TOKEN ?? '';
  if (token === '') {
    output.problem('error: name the caller with --token or KEYLEDGER_TOKEN');
    return EXIT.failed;
  }
  const client = new KeyledgerClient({ baseUrl: options.url, auth: { bearer: token } });
  const summary: Summary = { created: 0, already_imported: 0, refused: 0 };
  let sent = 0;
  try {
    const keys = await openImportFile(file);
    const origin = options.origin ?? keys.origin ?? undefined;
    for await (const batch of keys.batches(options.batchSize)) {
      // The service checks every field of every key; the CLI only carries them.
      const answer = await client.keys.import({
        keys: batch as unknown as readonly ImportedKeyRequest[],
        origin,
      });
      for (const outcome of answer.data) {
        const placed = { ...outcome, index: sent + outcome.index };
        summary[placed.status]++;
        output.line(options.json ? JSON.stringify(placed) : outcomeLine(placed));
      }
      sent += batch.length;
    }
  } catch (error) {
    output.problem(`error: ${failure(error)}`);
    if (sent > 0) output.problem(`the first ${sent} keys were sent; run the same file again`);
    printSummary(output, summary, options);
    return EXIT.failed;
  }
  printSummary(output, summary, options);
  return summary.refused > 0 ? EXIT.refused : 0;
}

function printSummary(output: CliOutput, summary: Summary, options: ImportCommandOptions): void {
  if (options.json) return output.line(JSON.stringify({ summary }));
  output.line(
    `created ${summary.created}, already imported ${summary.already_imported}, refused ${summary.refused}`,
  );
}

/** What went wrong, as the operator can act on it. */
function failure(error: unknown): string {
  if (error instanceof ImportFileError) return error.message;
  if (error instanceof KeyledgerApiError) {
    const fields = error.fields.map((f) => f.field).join(', ');
    return `the service refused the call: ${error.status} ${error.code}: ${error.message}${fields ? ` (${fields})` : ''}`;
  }
  if (error instanceof TypeError) {
    // fetch's own failure: the reason (ECONNREFUSED, ENOTFOUND) is its cause.
    const cause = (error.cause as { code?: string } | undefined)?.code;
    return `the service could not be reached: ${error.message}${cause ? ` (${cause})` : ''}`;
  }
  throw error;
}
