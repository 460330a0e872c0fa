import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { AuditEntryDocument } from '@keyledger/read-models';
import { EXPORT_FORMAT, EXPORT_FORMATS, ExportFormat } from '@keyledger/governance';
import { loadConfig } from '@keyledger/runtime';
import { listOf, parseTime } from '../shared/cli-arguments';
import { CliOutput } from '../shared/cli-output';
import { eventAuditTrail } from '../shared/event-audit-trail';
import { openExistingEventStore } from '../shared/open-event-store';

interface ExportOptions {
  readonly format: ExportFormat;
  readonly out?: string;
  readonly actor?: string;
  readonly key?: string;
  readonly eventType?: string[];
  readonly org?: string;
  readonly from?: number;
  readonly to?: number;
}

/** Writes lines as fast as `out` takes them: a slow pipe holds the reader back, not memory. */
async function writeLines(lines: AsyncIterable<string>, out: Writable): Promise<void> {
  for await (const line of lines) if (!out.write(line)) await once(out, 'drain');
}

/** Counts the entries that pass through, for the closing line on stderr. */
async function* counted(
  entries: AsyncIterable<AuditEntryDocument>,
  count: { value: number },
): AsyncGenerator<AuditEntryDocument> {
  for await (const entry of entries) {
    count.value++;
    yield entry;
  }
}

/** `export`: the audit trail as NDJSON or CSV, streamed from the event store to stdout or a file. */
export function exportCommand(output: CliOutput): Command {
  return new Command('export')
    .description('export the audit trail (NDJSON or CSV), read from the event store, oldest first')
    .addOption(
      new Option(
        '--format <format>',
        'ndjson: one JSON entry per line; csv: RFC 4180 with a header',
      )
        .choices(EXPORT_FORMATS)
        .default('ndjson'),
    )
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--actor <id>', 'only what this user or API key did')
    .option('--key <id>', 'only entries about this key')
    .option('--event-type <types>', 'only these event types (repeat, or a comma list)', listOf)
    .option('--org <id>', 'only entries recorded in this org')
    .option('--from <time>', 'only entries that happened at or after this time', parseTime)
    .option('--to <time>', 'only entries that happened before this time', parseTime)
    .addHelpText(
      'after',
      '\nCovers every governance event (keys, routing preferences, defaults), whatever the caller:\n' +
        "this is the operator's view. Times are ISO-8601: 2026-06-01 or 2026-06-01T09:30:00Z.\n" +
        'Example: npm run cli -- export --format csv --out audit.csv --event-type KeyRevoked',
    )
    .action(async (options: ExportOptions) => {
      const events = openExistingEventStore(loadConfig().eventStore, output);
      if (events === null) return;
      try {
        const count = { value: 0 };
        const trail = eventAuditTrail(events, {
          actor: options.actor,
          key: options.key,
          eventTypes: options.eventType,
          org: options.org,
          window: { from: options.from ?? null, to: options.to ?? null },
        });
        const lines = EXPORT_FORMAT[options.format].lines(counted(trail, count));
        if (options.out === undefined) {
          await writeLines(lines, process.stdout);
          return;
        }
        const file = createWriteStream(options.out);
        await writeLines(lines, file);
        file.end();
        await finished(file);
        output.problem(`wrote ${count.value} entries to ${options.out}`);
      } finally {
        await events.close();
      }
    });
}
