import { reportChart } from './report-charts';

describe('reportChart', () => {
  it('draws policy violations as one bar per broken rule, counting the keys that break it', () => {
    const row = (key_id: string, rule: string) => ({ key_id, rule, reason: 'why' });
    const option = reportChart('policy-violations', [
      row('k1', 'require_limit'),
      row('k1', 'require_ip_allowlist'),
      row('k2', 'require_limit'),
    ]) as { xAxis: { data: string[] }; series: { data: number[] }[] };
    expect(option.xAxis.data).toEqual(['require_limit', 'require_ip_allowlist']);
    expect(option.series.map((series) => series.data)).toEqual([[2, 1]]);
  });

  it('draws nothing for an empty report', () => {
    expect(reportChart('policy-violations', [])).toBeNull();
  });
});
