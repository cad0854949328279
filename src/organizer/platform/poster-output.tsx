/**
 * Getting a poster out of the phone, neutral twin (also what WeChat bundles): 保存到相册. The
 * poster is drawn again on an off-screen type="2d" canvas (750 × 1060 design px, at the
 * device's pixel ratio), turned into an image with canvasToTempFilePath and saved with
 * saveImageToPhotosAlbum (needs the 保存到相册 permission, declared in the privacy guide). If that
 * fails the page says to take a screenshot of the poster shown large above. The H5 twin
 * (poster-output.h5.tsx) prints instead.
 */
import { Canvas, Text, View } from '@tarojs/components';
import { BusyButton } from '../../components/busy-button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { QUIET_ZONE, qrMatrix } from '../../qr';
import type { PosterContent, PosterOutputProps } from './poster-output.types';

export type { PosterContent, PosterOutputProps } from './poster-output.types';

const CANVAS_ID = 'poster-canvas';
const W = 750;
const H = 1060;

interface CanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasRenderingContext2D | null;
  createImage(): { src: string; onload: (() => void) | null; onerror: (() => void) | null; width: number };
}

function lines(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (ctx.measureText(line + ch).width > maxWidth && line) {
      out.push(line);
      line = ch;
    } else line += ch;
  }
  if (line) out.push(line);
  return out;
}

function loadImage(node: CanvasNode, base64: string): Promise<ReturnType<CanvasNode['createImage']> | null> {
  return new Promise((resolve) => {
    const img = node.createImage();
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null);
    img.src = `data:image/png;base64,${base64}`;
  });
}

async function draw(node: CanvasNode, poster: PosterContent): Promise<void> {
  const ratio = Taro.getWindowInfo().pixelRatio || 2;
  // Design px → canvas px: the canvas is as wide as the screen (750 design px) times the ratio.
  const scale = (Taro.getWindowInfo().windowWidth / W) * ratio;
  node.width = Math.round(W * scale);
  node.height = Math.round(H * scale);
  const ctx = node.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = '#0b5394';
  ctx.fillRect(0, 0, W, 150);
  ctx.fillStyle = '#ffffff';
  ctx.font = 'bold 34px sans-serif';
  ctx.textBaseline = 'top';
  lines(ctx, poster.campaignName, W - 80)
    .slice(0, 2)
    .forEach((l, i) => ctx.fillText(l, 40, 36 + i * 46));
  let y = 190;
  ctx.fillStyle = '#000000';
  ctx.font = 'bold 52px sans-serif';
  for (const l of lines(ctx, poster.title, W - 80).slice(0, 3)) {
    ctx.fillText(l, 40, y);
    y += 68;
  }
  y += 12;
  ctx.font = '32px sans-serif';
  ctx.fillStyle = '#1a1a1a';
  for (const [label, value] of [
    ['时间', poster.time],
    ['地点', poster.venue],
    ['主办', poster.host],
  ]) {
    for (const l of lines(ctx, `${label}：${value}`, W - 80).slice(0, 2)) {
      ctx.fillText(l, 40, y);
      y += 46;
    }
    y += 8;
  }
  const side = 400;
  const left = (W - side) / 2;
  const top = Math.max(y + 24, H - side - 130);
  const image = poster.wxacodeBase64 ? await loadImage(node, poster.wxacodeBase64) : null;
  if (image) {
    ctx.drawImage(image as unknown as CanvasImageSource, left, top, side, side);
  } else {
    const m = qrMatrix(poster.qrText);
    const cell = side / (m.size + 2 * QUIET_ZONE);
    ctx.fillStyle = '#000000';
    for (let r = 0; r < m.size; r++) {
      for (let c = 0; c < m.size; c++) {
        if (m.dark[r * m.size + c]) {
          ctx.fillRect(left + (c + QUIET_ZONE) * cell, top + (r + QUIET_ZONE) * cell, cell + 0.5, cell + 0.5);
        }
      }
    }
  }
  ctx.fillStyle = '#1a1a1a';
  ctx.font = 'bold 32px sans-serif';
  const hint = '微信扫一扫，查看详情并报名';
  ctx.fillText(hint, (W - ctx.measureText(hint).width) / 2, top + side + 24);
}

function canvasNode(): Promise<CanvasNode | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: CanvasNode }[] | null) => resolve(res?.[0]?.node ?? null));
  });
}

export function PosterOutput({ poster }: PosterOutputProps) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const save = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const node = await canvasNode();
      if (!node) throw new Error('no canvas');
      await draw(node, poster);
      const { tempFilePath } = await Taro.canvasToTempFilePath({
        canvas: node as unknown as Taro.canvasToTempFilePath.Option['canvas'],
        fileType: 'png',
      });
      await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
      void Taro.showToast({ title: '已保存到相册', icon: 'success' });
    } catch {
      setMessage('没能保存到相册（可能没有允许“保存到相册”）。可以在右上角“…→设置”中允许，或直接截屏上面的海报。');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="poster-output">
      <BusyButton className="btn--primary btn--block save-poster" busy={busy} onClick={() => void save()}>
        保存到相册
      </BusyButton>
      <Text className="poster-output__hint">保存后可打印张贴，或发到居民群。</Text>
      {message && (
        <View className="notice notice--wait">
          <Text className="notice__text">{message}</Text>
        </View>
      )}
      <Canvas type="2d" id={CANVAS_ID} className="poster-canvas" />
    </View>
  );
}
