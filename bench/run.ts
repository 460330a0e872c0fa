/**
 * `npm run bench`: every benchmark, printed as tables. Figures compare against baselines
 * measured in the same run; nothing here asserts a time.
 */
import { rebuildBench } from './rebuild.bench';

async function main(): Promise<void> {
  console.log('Read-model rebuild (events replayed through every projection)');
  console.table(await rebuildBench());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
