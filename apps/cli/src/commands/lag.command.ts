import { Command } from 'commander';
import { ALL_PROJECTIONS, describeBehind } from '@keyledger/read-models';
import { CliOutput } from '../shared/cli-output';
import { withProjectionRunner } from '../shared/with-projection-runner';

/** `lag`: how far the stored checkpoints trail the event store, overall and per projection. */
export function lagCommand(output: CliOutput): Command {
  return new Command('lag')
    .description('show how far the read models trail the event store')
    .option('--json', 'print one JSON object instead of text')
    .action(async ({ json }: { readonly json?: boolean }) => {
      const report = await withProjectionRunner(output, async ({ runner, store }) => ({
        ...(await runner.lag()),
        checkpoints: Object.fromEntries(
          await Promise.all(
            ALL_PROJECTIONS.map(async ({ name }) => [name, await store.getCheckpoint(name)]),
          ),
        ),
      }));
      if (json) return output.line(JSON.stringify(report));
      output.line(`head position  ${report.head_position}`);
      output.line(`checkpoint     ${report.checkpoint} (the lowest below)`);
      output.line(`behind         ${describeBehind(report)}, ${report.behind_ms} ms`);
      for (const [name, position] of Object.entries(report.checkpoints))
        output.line(`  ${name.padEnd(26)} ${position}`);
    });
}
