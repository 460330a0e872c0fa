import { ApiResponse, unwrap } from '../core/api-response';
import { Fields } from '../core/field-list';
import { operation, Operation } from '../core/operation';
import { ReadOptions } from '../core/request-options';
import { Transport } from '../core/transport';
import {
  Report,
  REPORT_DAYS_FIELDS,
  REPORT_FIELDS,
  REPORT_THRESHOLD_FIELDS,
  ReportName,
  ReportQueries,
  ReportRow,
} from './report.types';

/** A report's answer: its rows as `data`, its name, title, time and columns beside them. */
export type ReportResponse = ApiResponse<readonly ReportRow[]> & Omit<Report, 'data'>;

const report = (name: ReportName, query: Fields): Operation =>
  operation('GET', `/api/v1/reports/${name}`, { query });

/** The routes of `/api/v1/reports`, one per report. */
export const REPORT_OPERATIONS: { readonly [N in ReportName]: Operation } = {
  'keys-by-state': report('keys-by-state', REPORT_FIELDS),
  'keys-per-owner': report('keys-per-owner', REPORT_FIELDS),
  'keys-without-limit': report('keys-without-limit', REPORT_FIELDS),
  'keys-never-expiring': report('keys-never-expiring', REPORT_FIELDS),
  'unused-keys': report('unused-keys', REPORT_DAYS_FIELDS),
  'keys-near-limit': report('keys-near-limit', REPORT_THRESHOLD_FIELDS),
  'policy-violations': report('policy-violations', REPORT_FIELDS),
  'recent-revocations': report('recent-revocations', REPORT_DAYS_FIELDS),
};

/** `client.reports`: governance reports over the keys the caller can see (SPEC §6). */
export class ReportsResource {
  constructor(private readonly transport: Transport) {}

  /** Runs one report: `reports.run('unused-keys', { days: 90 })`. */
  async run<N extends ReportName>(
    name: N,
    query: ReportQueries[N] = {},
    options: ReadOptions = {},
  ): Promise<ReportResponse> {
    return unwrap(await this.transport.call<Report>(REPORT_OPERATIONS[name], { query, options }));
  }
}
