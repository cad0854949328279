/**
 * Charts for both platforms, with the same props everywhere: BarChart and LineChart draw with
 * ECharts (echart.tsx on WeChat: canvas 2d; echart.h5.tsx on the web: SVG), from plain labels
 * and values. Sizes come from CSS (`.chart__canvas`, 420px high by default).
 */
import { useMemo } from 'react';
import { EChart } from './echart';
import { barOption, lineOption, type SeriesChartProps } from './options';
import { PlainBars } from './plain-bars';
import './charts.css';

export type { SeriesChartProps } from './options';

export function BarChart(props: SeriesChartProps) {
  const { labels, values, highlight, labelEvery, label, className } = props;
  const option = useMemo(
    () => barOption({ labels, values, highlight, labelEvery, label }),
    [labels, values, highlight, labelEvery, label],
  );
  return (
    <EChart
      option={option}
      label={label}
      className={`chart--bar ${className ?? ''}`.trim()}
      fallback={<PlainBars labels={labels} values={values} highlight={highlight} />}
    />
  );
}

export function LineChart(props: SeriesChartProps) {
  const { labels, values, highlight, labelEvery, label, className, until } = props;
  const option = useMemo(
    () => lineOption({ labels, values, highlight, labelEvery, label, until }),
    [labels, values, highlight, labelEvery, label, until],
  );
  return (
    <EChart
      option={option}
      label={label}
      className={`chart--line ${className ?? ''}`.trim()}
      fallback={<PlainBars labels={labels} values={values} highlight={highlight} />}
    />
  );
}
