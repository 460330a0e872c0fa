import { FieldList } from '../core/field-list';

/** A report cell: text, a number, a flag, or nothing. */
export type ReportCell = string | number | boolean | null;

/** One row of a report, by column name. */
export type ReportRow = { readonly [column: string]: ReportCell };

/** A governance report (SPEC §6): which, when, its columns in order and its rows. */
export interface Report {
  readonly report: ReportName;
  readonly title: string;
  readonly generated_at: string;
  readonly columns: readonly string[];
  readonly data: readonly ReportRow[];
}

/** The reports the service makes, by the name of their route. */
export type ReportName =
  | 'keys-by-state'
  | 'keys-per-owner'
  | 'keys-without-limit'
  | 'keys-never-expiring'
  | 'unused-keys'
  | 'keys-near-limit'
  | 'policy-violations'
  | 'recent-revocations';

/** Query of every report: one org's keys (omitted: all the caller can see). */
export type ReportQuery = { readonly org_id?: string };

/** The parameters of ReportQuery. */
export const REPORT_FIELDS: FieldList<ReportQuery> = { org_id: 'optional' };

/** Query of the reports that look back: unused-keys (idle days), recent-revocations. */
export type ReportDaysQuery = ReportQuery & { readonly days?: number };

/** The parameters of ReportDaysQuery. */
export const REPORT_DAYS_FIELDS: FieldList<ReportDaysQuery> = {
  org_id: 'optional',
  days: 'optional',
};

/** Query of keys-near-limit: the share of the limit used, in percent. */
export type ReportThresholdQuery = ReportQuery & { readonly threshold?: number };

/** The parameters of ReportThresholdQuery. */
export const REPORT_THRESHOLD_FIELDS: FieldList<ReportThresholdQuery> = {
  org_id: 'optional',
  threshold: 'optional',
};

/** Each report's query. */
export interface ReportQueries {
  readonly 'keys-by-state': ReportQuery;
  readonly 'keys-per-owner': ReportQuery;
  readonly 'keys-without-limit': ReportQuery;
  readonly 'keys-never-expiring': ReportQuery;
  readonly 'unused-keys': ReportDaysQuery;
  readonly 'keys-near-limit': ReportThresholdQuery;
  readonly 'policy-violations': ReportQuery;
  readonly 'recent-revocations': ReportDaysQuery;
}
