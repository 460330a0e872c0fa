import { AnalyticsPoint } from '@keyledger/client';
import { ChartOption } from '../components/chart';

/** Refused requests of a bucket, every code together. */
export const refusedIn = (point: AnalyticsPoint): number =>
  Object.values(point.refused).reduce((sum, n) => sum + n, 0);

/** Admitted and refused requests as stacked bars per bucket, cost as a line on its own axis. */
export function analyticsChart(points: readonly AnalyticsPoint[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 56, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: points.map((point) => point.start.slice(0, 16)) },
    yAxis: [
      { type: 'value', name: 'requests', minInterval: 1 },
      { type: 'value', name: 'credits' },
    ],
    series: [
      { name: 'admitted', type: 'bar', stack: 'requests', data: points.map((p) => p.requests) },
      { name: 'refused', type: 'bar', stack: 'requests', data: points.map(refusedIn) },
      { name: 'cost', type: 'line', yAxisIndex: 1, data: points.map((p) => p.cost) },
    ],
  };
}

/** The points with anything counted, newest first: what the table lists. */
export const busyPoints = (points: readonly AnalyticsPoint[]): AnalyticsPoint[] =>
  points
    .filter((p) => p.requests > 0 || refusedIn(p) > 0 || p.cost > 0 || p.byok_cost > 0)
    .reverse();
