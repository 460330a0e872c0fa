/**
 * Run as its own process by audit-export.int-spec.ts: formats `COUNT` entries (a million by
 * default) as CSV and NDJSON and prints each formatter's greatest lead as JSON. A process of its
 * own, so that the proof neither inherits a test runner's heap and async hooks nor starves its
 * timers: a million awaited entries in one microtask chain never yield to them.
 */
import { auditCsv, auditNdjson } from '../export/audit-export';
import { greatestLead } from './audit-entries';

async function main(): Promise<void> {
  const count = Number(process.env.COUNT ?? 1_000_000);
  const csv = await greatestLead(auditCsv, 1, count);
  const ndjson = await greatestLead(auditNdjson, 0, count);
  process.stdout.write(JSON.stringify({ csv, ndjson }));
}

void main();
