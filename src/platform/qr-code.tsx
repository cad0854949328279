/**
 * A QR code, neutral twin (also what WeChat bundles): a type="2d" Canvas painted module by
 * module in device pixels, so the code stays sharp at any size. The H5 twin (qr-code.h5.tsx)
 * renders an SVG image instead. Both carry class `checkin-qr` and the encoded text in
 * `data-code`. The canvas's size comes from CSS (`.checkin-qr__canvas`).
 */
import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { QUIET_ZONE, qrMatrix, type QrMatrix } from '../qr';
import type { QrCodeProps } from './qr-code.types';

export type { QrCodeProps } from './qr-code.types';

let canvasSeq = 0;

interface CanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasRenderingContext2D | null;
}

function pixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio || 2;
  } catch {
    return 2;
  }
}

/** Whole device pixels per module, centred: no blurred module edges. */
function paint(node: CanvasNode, cssWidth: number, matrix: QrMatrix): void {
  const px = Math.max(1, Math.round(cssWidth * pixelRatio()));
  node.width = px;
  node.height = px;
  const ctx = node.getContext('2d');
  if (!ctx) return;
  const cell = Math.max(1, Math.floor(px / (matrix.size + 2 * QUIET_ZONE)));
  const offset = Math.floor((px - cell * matrix.size) / 2);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, px, px);
  ctx.fillStyle = '#000000';
  for (let r = 0; r < matrix.size; r++) {
    for (let c = 0; c < matrix.size; c++) {
      if (matrix.dark[r * matrix.size + c]) ctx.fillRect(offset + c * cell, offset + r * cell, cell, cell);
    }
  }
}

export function QrCode({ text, label, className }: QrCodeProps) {
  const [canvasId] = useState(() => `checkin-qr-${++canvasSeq}`);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const matrix = qrMatrix(text);
    const draw = (attempt: number) => {
      Taro.createSelectorQuery()
        .select(`#${canvasId}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode; width?: number }[] | null) => {
          if (cancelled) return;
          const info = res?.[0];
          if (info?.node && info.width) paint(info.node, info.width, matrix);
          // The node may not be laid out yet on the first frame: try again shortly.
          else if (attempt < 10) timer = setTimeout(() => draw(attempt + 1), 100);
        });
    };
    Taro.nextTick(() => draw(0));
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [canvasId, text]);

  return (
    <View className={`checkin-qr ${className ?? ''}`.trim()} data-code={text} aria-label={label} role="img">
      <Canvas type="2d" id={canvasId} className="checkin-qr__canvas" />
    </View>
  );
}
