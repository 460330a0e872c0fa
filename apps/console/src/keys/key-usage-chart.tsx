import { Key } from '@keyledger/client';
import { useMemo } from 'react';
import { Chart, ChartOption } from '../components/chart';
import { USAGE_WINDOWS, usageSeries } from './usage-series';

/** Credits and requests per window, from the usage figures the key reports. */
export function KeyUsageChart({ keyView }: { readonly keyView: Key }) {
  // React Query keeps an unchanged key the same object, so the chart redraws only on new figures.
  const option = useMemo<ChartOption>(() => {
    const { credits, requests } = usageSeries(keyView);
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 48, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: [...USAGE_WINDOWS] },
      yAxis: [
        { type: 'value', name: 'credits', min: 0 },
        { type: 'value', name: 'requests', min: 0, minInterval: 1 },
      ],
      series: [
        { name: 'credits', type: 'bar', data: credits },
        { name: 'requests', type: 'line', yAxisIndex: 1, data: requests },
      ],
    };
  }, [keyView]);
  return (
    <Chart option={option} label={`Usage of ${keyView.name} this month, this week and today`} />
  );
}
