import type { SeriesPoint } from '@keyledger/read-models';
import { CellValue, csvField } from './csv-field';

const CRLF = '\r\n';
const line = (cells: readonly CellValue[]): string => cells.map(csvField).join(',') + CRLF;

/**
 * A usage series as CSV: one row per bucket (refusals and models as JSON cells), or, when the
 * points carry groups, one row per bucket and group.
 */
export function analyticsCsv(points: readonly SeriesPoint[]): string {
  if (!points.some((point) => point.groups !== undefined)) {
    return (
      line(['start', 'requests', 'refused', 'cost', 'byok_cost', 'models']) +
      points
        .map((p) => line([p.start, p.requests, p.refused, p.cost, p.byok_cost, p.models]))
        .join('')
    );
  }
  const rows = points.flatMap((p) =>
    Object.entries(p.groups ?? {}).map(([group, g]) =>
      line([p.start, group, g.requests, g.cost, g.byok_cost]),
    ),
  );
  return line(['start', 'group', 'requests', 'cost', 'byok_cost']) + rows.join('');
}
