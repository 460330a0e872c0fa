import { FastifyReply, FastifyRequest } from 'fastify';
import { csvField } from '@keyledger/governance';
import { SeriesPoint } from '@keyledger/read-models';
import { AnalyticsFormat } from './analytics-range.request.dto';

/** The JSON answer of both analytics routes. */
export interface AnalyticsEnvelope {
  readonly data: readonly SeriesPoint[];
}

const CRLF = '\r\n';
const line = (cells: readonly unknown[]): string =>
  cells.map((cell) => csvField(cell as string)).join(',') + CRLF;

/**
 * The series as CSV: one row per bucket (refusals and models as JSON cells), or with groups one
 * row per bucket and group.
 */
export function analyticsCsv(points: readonly SeriesPoint[]): string {
  const grouped = points.some((point) => point.groups !== undefined);
  if (!grouped) {
    const head = line(['start', 'requests', 'refused', 'cost', 'byok_cost', 'models']);
    return (
      head +
      points
        .map((p) => line([p.start, p.requests, p.refused, p.cost, p.byok_cost, p.models]))
        .join('')
    );
  }
  const head = line(['start', 'group', 'requests', 'cost', 'byok_cost']);
  const rows = points.flatMap((p) =>
    Object.entries(p.groups ?? {}).map(([group, g]) =>
      line([p.start, group, g.requests, g.cost, g.byok_cost]),
    ),
  );
  return head + rows.join('');
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
