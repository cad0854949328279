/**
 * One ECharts chart, H5 twin: a plain <div> that ECharts renders into with its SVG renderer
 * (crisp text at any zoom), resized with its box. See echart.tsx for the WeChat twin.
 */
import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridSimpleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartProps } from './echart.types';

export type { EChartProps } from './echart.types';

echarts.use([BarChart, LineChart, GridSimpleComponent, SVGRenderer]);

export function EChart({ option, label, className, fallback }: EChartProps) {
  const box = useRef<HTMLDivElement | null>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef(option);
  latest.current = option;
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let observer: ResizeObserver | undefined;
    try {
      const instance = echarts.init(el, undefined, { renderer: 'svg' });
      instance.setOption(latest.current);
      chart.current = instance;
      if (typeof ResizeObserver !== 'undefined') {
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(el);
      }
    } catch {
      setFailed(true);
    }
    return () => {
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div className={`chart ${className ?? ''}`.trim()} role="img" aria-label={label}>
      {failed ? fallback : <div ref={box} className="chart__canvas" />}
    </div>
  );
}
