/**
 * The ECharts options of the app's charts, built from plain numbers: one look for both
 * platforms (large labels, dark text, values written on the chart rather than in tooltips,
 * which a finger on a small screen hardly reaches). Pure: tested without a canvas.
 */
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption } from 'echarts/components';

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption>;

/** What BarChart and LineChart take, on every platform. */
export interface SeriesChartProps {
  /** One label per value, along the horizontal axis; `\n` breaks a label into lines. */
  labels: string[];
  values: number[];
  /** What the chart shows, in a sentence: read by screen readers in place of the picture. */
  label: string;
  /** Indexes drawn in the accent colour (e.g. today's bar). */
  highlight?: number[];
  /** Index of the last value that has happened (e.g. the hour running now): later values are
   * not drawn, rather than drawn as zeros. Absent: all values are drawn. */
  until?: number;
  /** Show every n-th axis label only (1: all). */
  labelEvery?: number;
  className?: string;
}

export const CHART_COLORS = {
  primary: '#0b5394',
  accent: '#14602c',
  text: '#1a1a1a',
  axis: '#4a4a4a',
  grid: '#d9dce1',
  area: 'rgba(11, 83, 148, 0.12)',
} as const;

/** Axis and value text in CSS px: 16px ≈ 32rpx on a 375-wide phone. */
const AXIS_FONT = 15;
const VALUE_FONT = 16;

function base(props: SeriesChartProps): ChartOption {
  const every = Math.max(1, props.labelEvery ?? 1);
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: props.labels,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: CHART_COLORS.axis } },
      axisLabel: { color: CHART_COLORS.axis, fontSize: AXIS_FONT, interval: every - 1, lineHeight: 20 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      splitNumber: 3,
      axisLabel: { color: CHART_COLORS.axis, fontSize: AXIS_FONT },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
  };
}

export function barOption(props: SeriesChartProps): ChartOption {
  const highlight = new Set(props.highlight ?? []);
  return {
    ...base(props),
    series: [
      {
        type: 'bar',
        barMaxWidth: 40,
        data: props.values.map((value, i) => ({
          value,
          itemStyle: {
            color: highlight.has(i) ? CHART_COLORS.accent : CHART_COLORS.primary,
            borderRadius: [4, 4, 0, 0],
          },
        })),
        label: { show: true, position: 'top', color: CHART_COLORS.text, fontSize: VALUE_FONT, fontWeight: 'bold' },
      },
    ],
  };
}

export function lineOption(props: SeriesChartProps): ChartOption {
  const highlight = new Set(props.highlight ?? []);
  const peak = Math.max(0, ...props.values);
  return {
    ...base(props),
    series: [
      {
        type: 'line',
        smooth: false,
        symbolSize: 8,
        lineStyle: { color: CHART_COLORS.primary, width: 3 },
        itemStyle: { color: CHART_COLORS.primary },
        areaStyle: { color: CHART_COLORS.area },
        // '-' is ECharts' "no value": the line stops at `until` instead of dropping to zero.
        data: props.values.map((value, i) =>
          props.until !== undefined && i > props.until
            ? '-'
            : {
                value,
                itemStyle: highlight.has(i) ? { color: CHART_COLORS.accent } : undefined,
                // Only the peak is labelled: 24 numbers side by side would be unreadable.
                label: {
                  show: value > 0 && value === peak,
                  position: 'top' as const,
                  color: CHART_COLORS.text,
                  fontSize: VALUE_FONT,
                  fontWeight: 'bold' as const,
                },
              },
        ),
      },
    ],
  };
}
