import { Argument, Command } from 'commander';
import { ALL_PROJECTIONS, RebuildSummary, USAGE_BUCKETS_NAME } from '@keyledger/read-models';
import { CliOutput } from '../shared/cli-output';
import { RebuildProgressBar } from '../shared/rebuild-progress-bar';
import { withProjectionRunner } from '../shared/with-projection-runner';

/** The line a rebuild ends with: what was rebuilt, how many events, how long, how fast. */
export function rebuildSummaryLine({ projections, events, seconds }: RebuildSummary): string {
  const rate = seconds > 0 ? Math.round(events / seconds) : events;
  return `rebuilt ${projections.join(', ')}: ${events} events in ${seconds.toFixed(1)} s (${rate} events/s)`;
}

/** `rebuild [projection|all]`: drop and replay read models, with a progress bar and a summary. */
export function rebuildCommand(output: CliOutput): Command {
  const names = [...ALL_PROJECTIONS.map(({ name }) => name), USAGE_BUCKETS_NAME];
  return new Command('rebuild')
    .description(
      'drop the documents and checkpoint of a projection (or all) and replay every event into it',
    )
    .addArgument(
      new Argument('[projection]', 'the projection to rebuild')
        .choices(['all', ...names])
        .default('all'),
    )
    .addHelpText(
      'after',
      // A running projector keeps its checkpoints in memory and would write over the replay.
      '\nStop the projector (and any API instance running projections) first.',
    )
    .action(async (projection: string) => {
      const summary = await withProjectionRunner(output, async ({ runner }) => {
        const bar = new RebuildProgressBar();
        try {
          return await runner.rebuild(projection, (progress) => bar.update(progress));
        } finally {
          bar.stop();
        }
      });
      output.line(rebuildSummaryLine(summary));
    });
}
