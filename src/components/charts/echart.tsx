/**
 * One ECharts chart, neutral twin (what WeChat bundles): a type="2d" Canvas whose node is handed
 * to ECharts through a small shim, as echarts-for-weixin does. ECharts detects the mini-program
 * (`wx`) and then touches no DOM; text is measured on the same canvas. Charts are static (no
 * tooltips): the values are written on them. If ECharts cannot start, `fallback` shows instead.
 * The H5 twin (echart.h5.tsx) renders into a <div> with the SVG renderer.
 */
import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridSimpleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartProps } from './echart.types';

export type { EChartProps } from './echart.types';

echarts.use([BarChart, LineChart, GridSimpleComponent, CanvasRenderer]);

interface CanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasRenderingContext2D | null;
}

/** What ECharts needs of a canvas element, over the mini-program's canvas node. */
class CanvasShim {
  constructor(
    private readonly node: CanvasNode,
    private readonly ctx: CanvasRenderingContext2D,
  ) {}
  getContext(kind: string): CanvasRenderingContext2D | null {
    return kind === '2d' ? this.ctx : null;
  }
  get width(): number {
    return this.node.width;
  }
  set width(value: number) {
    this.node.width = value;
  }
  get height(): number {
    return this.node.height;
  }
  set height(value: number) {
    this.node.height = value;
  }
  addEventListener(): void {}
  removeEventListener(): void {}
  attachEvent(): void {}
  detachEvent(): void {}
}

/**
 * ECharts measures text (and would make scratch canvases) through its platform API: here the
 * latest live canvas serves, as in echarts-for-weixin.
 */
let measureCtx: CanvasRenderingContext2D | null = null;
let lastShim: CanvasShim | null = null;
echarts.setPlatformAPI({
  createCanvas: () => lastShim as unknown as HTMLCanvasElement,
  measureText(text: string, font?: string) {
    if (!measureCtx) return { width: (text ?? '').length * 12 };
    measureCtx.font = font || '12px sans-serif';
    return measureCtx.measureText(text ?? '');
  },
});

function pixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio || 2;
  } catch {
    return 2;
  }
}

let canvasSeq = 0;

export function EChart({ option, label, className, fallback }: EChartProps) {
  const [canvasId] = useState(() => `echart-${++canvasSeq}`);
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef(option);
  latest.current = option;
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = (attempt: number) => {
      Taro.createSelectorQuery()
        .select(`#${canvasId}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode; width?: number; height?: number }[] | null) => {
          if (cancelled) return;
          const info = res?.[0];
          if (!info?.node || !info.width || !info.height) {
            // Not laid out yet on the first frame: try again shortly.
            if (attempt < 10) timer = setTimeout(() => start(attempt + 1), 100);
            return;
          }
          try {
            const ctx = info.node.getContext('2d');
            if (!ctx) throw new Error('no 2d context');
            measureCtx = ctx;
            const shim = new CanvasShim(info.node, ctx);
            lastShim = shim;
            const instance = echarts.init(shim as unknown as HTMLCanvasElement, undefined, {
              width: info.width,
              height: info.height,
              devicePixelRatio: pixelRatio(),
            });
            instance.setOption(latest.current);
            chart.current = instance;
          } catch {
            setFailed(true);
          }
        });
    };
    Taro.nextTick(() => start(0));
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      chart.current?.dispose();
      chart.current = null;
    };
  }, [canvasId]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <View className={`chart ${className ?? ''}`.trim()} role="img" aria-label={label}>
      {failed ? fallback : <Canvas type="2d" id={canvasId} className="chart__canvas" />}
    </View>
  );
}
