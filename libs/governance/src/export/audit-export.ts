import type { AuditEntryDocument } from '@keyledger/read-models';
import { csvLines } from './csv-lines';
import { ndjsonLines } from './ndjson-lines';

/** The audit CSV's columns, in order: a stable contract for spreadsheets and SIEM imports. */
export const AUDIT_CSV_COLUMNS = [
  'position',
  'id',
  'occurred_at',
  'recorded_at',
  'event_type',
  'summary',
  'stream',
  'key_id',
  'preference_id',
  'actor_kind',
  'actor_id',
  'org_id',
  'ip',
  'user_agent',
  'request_id',
  'correlation_id',
  'causation_id',
  'data',
] as const satisfies readonly (keyof AuditEntryDocument)[];

/** The audit log as CSV lines (the payload as a JSON cell), streamed. */
export const auditCsv = (entries: AsyncIterable<AuditEntryDocument>): AsyncGenerator<string> =>
  csvLines(entries, AUDIT_CSV_COLUMNS);

/** The audit log as NDJSON lines, every field of every entry, streamed. */
export const auditNdjson = (entries: AsyncIterable<AuditEntryDocument>): AsyncGenerator<string> =>
  ndjsonLines(entries);
