/**
 * `npm run bench`: every benchmark, printed as tables, then the goals (issues 14, 16, 17) with met or
 * missed. Figures compare against floors measured in the same run; nothing here asserts a time.
 * `BENCH_ONLY=http,resolution,revoke,cold-start,rebuild,rebuild-ferretdb,audit-tree,governance`
 * runs a subset.
 */
import { auditTreeBench } from './audit-tree.bench';
import { coldStartBench } from './cold-start.bench';
import { Goal, goalsTable } from './goals';
import { governanceReadsBench } from './governance-reads.bench';
import { httpBench } from './http.bench';
import { rebuildBench } from './rebuild.bench';
import { rebuildFerretdbBench } from './rebuild-ferretdb.bench';
import { resolutionBench } from './resolution.bench';
import { revokeToRefusalBench } from './revoke-to-refusal.bench';
import { printTables } from './table';

const only = process.env.BENCH_ONLY?.split(',');
const runs = (name: string): boolean => only === undefined || only.includes(name);

async function main(): Promise<void> {
  const goals: Goal[] = [];
  if (runs('resolution')) {
    const resolution = await resolutionBench();
    printTables(resolution.tables);
    goals.push(...resolution.goals);
  }
  if (runs('http')) {
    const http = await httpBench();
    printTables([http.table]);
    goals.push(...http.goals);
  }
  if (runs('revoke')) {
    const revoke = await revokeToRefusalBench();
    printTables([revoke.table]);
    goals.push(...revoke.goals);
  }
  if (runs('cold-start')) {
    const coldStart = await coldStartBench();
    printTables([coldStart.table]);
    goals.push(...coldStart.goals);
  }
  if (runs('rebuild')) {
    printTables([
      {
        title: 'Read-model rebuild (events replayed through every projection)',
        rows: await rebuildBench(),
      },
    ]);
  }
  if (runs('rebuild-ferretdb')) {
    const ferretdb = await rebuildFerretdbBench();
    printTables(ferretdb.tables);
    goals.push(...ferretdb.goals);
  }
  if (runs('audit-tree')) {
    const audit = await auditTreeBench();
    printTables(audit.tables);
    goals.push(...audit.goals);
  }
  if (runs('governance')) {
    const governance = await governanceReadsBench();
    printTables(governance.tables);
    goals.push(...governance.goals);
  }
  printTables([goalsTable(goals)]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
