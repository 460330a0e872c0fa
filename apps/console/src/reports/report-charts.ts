import { ReportName, ReportRow } from '@keyledger/client';
import { ChartOption } from '../components/chart';

const STATES = ['active', 'disabled', 'expired', 'revoked'] as const;
const number = (value: unknown): number => (typeof value === 'number' ? value : Number(value) || 0);

/** A stacked bar per group (org or owner), one band per state. */
function stackedStates(rows: readonly ReportRow[], group: string, empty: string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: rows.map((row) => String(row[group] ?? empty)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: STATES.map((state) => ({
      name: state,
      type: 'bar',
      stack: 'keys',
      barMaxWidth: 64,
      data: rows.map((row) => number(row[state])),
    })),
  };
}

/** One bar per key of a measure (percent used, idle days). */
function barsPerKey(rows: readonly ReportRow[], measure: string, unit: string): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => `${String(value)} ${unit}` },
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: {
      type: 'category',
      data: rows.map((row) => String(row.name ?? row.key_id)),
      axisLabel: { interval: 0, rotate: 30 },
    },
    yAxis: { type: 'value', name: unit },
    series: [
      {
        name: measure,
        type: 'bar',
        barMaxWidth: 48,
        data: rows.map((row) => number(row[measure])),
      },
    ],
  };
}

/** One bar per policy rule: how many keys break it. */
function keysPerRule(rows: readonly ReportRow[]): ChartOption {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(String(row.rule), (counts.get(String(row.rule)) ?? 0) + 1);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => `${String(value)} keys` },
    // Room above the plot for the axis name.
    grid: { left: 48, right: 16, top: 32, bottom: 56 },
    xAxis: { type: 'category', data: [...counts.keys()], axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: 'keys', minInterval: 1 },
    series: [
      { name: 'keys breaking the rule', type: 'bar', barMaxWidth: 64, data: [...counts.values()] },
    ],
  };
}

/** The chart a report is drawn as, where one helps; null for the plain lists. */
export function reportChart(name: ReportName, rows: readonly ReportRow[]): ChartOption | null {
  if (rows.length === 0) return null;
  switch (name) {
    case 'keys-by-state':
      return stackedStates(rows, 'org_id', 'personal');
    case 'keys-per-owner':
      return stackedStates(rows, 'owner_user_id', '—');
    case 'keys-near-limit':
      return barsPerKey(rows, 'used_percent', '% used');
    case 'unused-keys':
      return barsPerKey(rows, 'idle_days', 'days idle');
    case 'policy-violations':
      return keysPerRule(rows);
    default:
      return null;
  }
}
