import { rebuildFerretdbBench } from '/work/wt-governance/bench/rebuild-ferretdb.bench';
import { printTables } from '/work/wt-governance/bench/table';
rebuildFerretdbBench().then((r) => { printTables(r.tables); console.log(r.goals); });
