/** What both twins of echart share. */
import type { ReactNode } from 'react';
import type { ChartOption } from './options';

export interface EChartProps {
  option: ChartOption;
  /** The chart's content in words, for screen readers. */
  label: string;
  /** Sizes come from CSS: `.chart` and the caller's class. */
  className?: string;
  /** Shown instead of the chart if ECharts cannot start on this device. */
  fallback?: ReactNode;
}
