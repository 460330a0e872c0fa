/**
 * `npm run bench`: every benchmark, printed as tables. Figures compare against baselines
 * measured in the same run; nothing here asserts a time.
 */
import { coldStartBench } from './cold-start.bench';
import { httpResolutionBench } from './http-resolution.bench';
import { rebuildBench } from './rebuild.bench';
import { resolutionBench } from './resolution.bench';
import { revokeToRefusalBench } from './revoke-to-refusal.bench';
import { printTables } from './table';

async function main(): Promise<void> {
  printTables(await resolutionBench());
  printTables([await httpResolutionBench()]);
  printTables([await revokeToRefusalBench()]);
  printTables([await coldStartBench()]);
  printTables([
    {
      title: 'Read-model rebuild (events replayed through every projection)',
      rows: await rebuildBench(),
    },
  ]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
