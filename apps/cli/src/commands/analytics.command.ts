import { Command, Option } from 'commander';
import { analyticsCsv, renderTable, TableRow } from '@keyledger/governance';
import {
  AnalyticsGroupBy,
  Granularity,
  keySeries,
  orgSeries,
  SeriesPoint,
  USAGE_BUCKET_DOCUMENTS,
} from '@keyledger/read-models';
import { parseTime } from '../shared/cli-arguments';
import { CliOutput } from '../shared/cli-output';
import { withProjectionRunner } from '../shared/with-projection-runner';

interface AnalyticsCommandOptions {
  readonly key?: string;
  readonly org?: string;
  readonly from?: number;
  readonly to?: number;
  readonly granularity: Granularity;
  readonly groupBy?: AnalyticsGroupBy;
  readonly format: 'table' | 'json' | 'csv';
}

const HOUR_MS = 3_600_000;
const DEFAULT_SPAN_MS: { readonly [G in Granularity]: number } = {
  hour: 24 * HOUR_MS,
  day: 30 * 24 * HOUR_MS,
};
/** The projections get this long to apply what the store holds before the series is read. */
const CATCH_UP_MS = 60_000;

const tableRows = (points: readonly SeriesPoint[]): TableRow[] =>
  points.flatMap((p): TableRow[] => {
    const refused = Object.values(p.refused).reduce((sum, n) => sum + n, 0);
    const row = {
      start: p.start,
      requests: p.requests,
      refused,
      cost: p.cost,
      byok_cost: p.byok_cost,
    };
    if (p.groups === undefined) return [row];
    return Object.entries(p.groups).map(([group, g]) => ({ start: p.start, group, ...g }));
  });

/** `analytics --key <id> | --org <id>`: a key's or an org's usage series, as the API computes it. */
export function analyticsCommand(output: CliOutput): Command {
  return new Command('analytics')
    .description("print a key's or an org's usage over time (hourly or daily buckets)")
    .option('--key <id>', 'the key')
    .option('--org <id>', 'the org (every key of it: the operator sees everything)')
    .option('--from <time>', 'start (default: 24 hours or 30 days before --to)', parseTime)
    .option('--to <time>', 'end, exclusive (default: now)', parseTime)
    .addOption(
      new Option('--granularity <width>', 'bucket width').choices(['hour', 'day']).default('hour'),
    )
    .addOption(
      new Option('--group-by <what>', 'with --org: break each bucket down').choices([
        'key',
        'model',
        'outcome',
      ]),
    )
    .addOption(
      new Option('--format <format>', 'output').choices(['table', 'json', 'csv']).default('table'),
    )
    .addHelpText(
      'after',
      '\nExample: npm run cli -- analytics --org org_1 --granularity day --group-by model',
    )
    .action(async (options: AnalyticsCommandOptions) => {
      if ((options.key === undefined) === (options.org === undefined)) {
        output.problem('error: name exactly one of --key and --org');
        process.exitCode = 1;
        return;
      }
      const toMs = options.to ?? Date.now();
      const range = {
        granularity: options.granularity,
        fromMs: options.from ?? toMs - DEFAULT_SPAN_MS[options.granularity],
        toMs,
      };
      const points = await withProjectionRunner(output, async ({ runner, store }) => {
        // The read store may trail the events (READ_STORE=memory starts empty): catch up first.
        await runner.start();
        await runner.catchUp(CATCH_UP_MS);
        await runner.stop();
        const buckets = store.collection(USAGE_BUCKET_DOCUMENTS);
        return options.key !== undefined
          ? keySeries(buckets, options.key, range)
          : orgSeries(buckets, options.org ?? '', () => true, range, options.groupBy ?? null);
      });
      if (options.format === 'json') return output.line(JSON.stringify({ data: points }));
      if (options.format === 'csv') return output.line(analyticsCsv(points).trimEnd());
      output.line(renderTable(tableRows(points)).trimEnd());
    });
}
