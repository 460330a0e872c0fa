import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  SVGRenderer,
]);

/** The options a chart takes: ECharts' own, typed by its core module. */
export type ChartOption = echarts.EChartsCoreOption;

/** How many data points the rendered chart holds, summed over its series. */
function renderedPoints(chart: echarts.ECharts): number {
  const { series } = chart.getOption() as { series?: { data?: unknown[] }[] };
  return (series ?? []).reduce((sum, one) => sum + (one.data?.length ?? 0), 0);
}

/**
 * An Apache ECharts chart (SVG, so it is crisp and screen readers get ECharts' generated
 * description). Once drawn it carries `data-rendered` and `data-points`, read back from the chart
 * itself, which the browser tests check.
 */
export function Chart({
  option,
  label,
  height = 280,
  className,
}: {
  readonly option: ChartOption;
  readonly label: string;
  readonly height?: number;
  readonly className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    chart.on('finished', () => {
      element.dataset.rendered = 'true';
      element.dataset.points = String(renderedPoints(chart));
    });
    chart.setOption({ aria: { enabled: true, label: { description: label } }, ...option });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option, label]);
  return (
    <div
      ref={ref}
      className={className ?? 'chart'}
      role="img"
      aria-label={label}
      style={{ height }}
      data-testid="chart"
    />
  );
}
