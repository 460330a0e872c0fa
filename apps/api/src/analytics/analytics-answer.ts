import { FastifyReply, FastifyRequest } from 'fastify';
import { analyticsCsv } from '@keyledger/governance';
import { SeriesPoint } from '@keyledger/read-models';
import { AnalyticsFormat } from './analytics-range.request.dto';

/** The JSON answer of both analytics routes. */
export interface AnalyticsEnvelope {
  readonly data: readonly SeriesPoint[];
}

/** Whether the caller asked for CSV, by `format` or by `Accept`. */
export const wantsCsv = (format: AnalyticsFormat | undefined, request: FastifyRequest): boolean =>
  format === 'csv' || (format === undefined && (request.headers.accept ?? '').includes('text/csv'));

/** Answers JSON, or CSV as a download named `fileName`. */
export function answerAnalytics(
  reply: FastifyReply,
  points: readonly SeriesPoint[],
  csv: boolean,
  fileName: string,
): AnalyticsEnvelope | string {
  void reply.header('Cache-Control', 'no-store');
  if (!csv) return { data: points };
  void reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${fileName}"`);
  return analyticsCsv(points);
}
