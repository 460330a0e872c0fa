import { Key } from '@keyledger/client';
import { useMemo } from 'react';
import { Chart, ChartOption } from '../components/chart';
import { USAGE_WINDOWS, usageSeries } from './usage-series';

/** Credits and requests per window, from the usage figures the key reports. */
export function KeyUsageChart({ keyView }: { readonly keyView: Key }) {
  const { credits, requests } = usageSeries(keyView);
  const signature = [...credits, ...requests].join(',');
  const option = useMemo<ChartOption>(
    () => ({
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
    }),
    // The figures, not the arrays' identity, decide when the chart redraws.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [signature],
  );
  return (
    <Chart option={option} label={`Usage of ${keyView.name} this month, this week and today`} />
  );
}
