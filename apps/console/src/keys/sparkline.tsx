import { Key } from '@keyledger/client';
import { useMemo } from 'react';
import { Chart, ChartOption } from '../components/chart';
import { USAGE_WINDOWS, usageSeries } from './usage-series';

/** A tiny line of a key's requests per window (month, week, today). */
export function UsageSparkline({ keyView }: { readonly keyView: Key }) {
  const [month, week, today] = usageSeries(keyView).requests;
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { show: false },
      grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: 'category', show: false, data: [...USAGE_WINDOWS] },
      yAxis: { type: 'value', show: false, min: 0 },
      series: [
        { type: 'line', data: [month, week, today], symbol: 'none', lineStyle: { width: 1.5 } },
      ],
    }),
    [month, week, today],
  );
  const label = `Requests of ${keyView.name}: ${month} this month, ${week} this week, ${today} today`;
  return <Chart option={option} label={label} height={28} className="sparkline" />;
}
