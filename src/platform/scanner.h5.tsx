/**
 * Continuous QR scanning, H5 twin (see scanner.tsx): the rear camera through getUserMedia into
 * a <video>; every DECODE_INTERVAL_MS a frame is drawn to a canvas and decoded with jsQR. A text
 * seen again within REPEAT_IGNORE_MS of its last sighting is the same scan and is ignored, so a
 * code held in front of the camera counts once. The camera stops while the page is hidden.
 */
import { useDidHide, useDidShow } from '@tarojs/taro';
import jsQR from 'jsqr';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScannerProps } from './scanner.types';
import { DECODE_INTERVAL_MS, REPEAT_IGNORE_MS } from './scanner.types';

export type { ScannerProps } from './scanner.types';

/** Frames are scaled down to this width before decoding: fast enough for a phone. */
const DECODE_WIDTH = 640;

type Status = 'starting' | 'on' | 'off' | 'error';

function cameraError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return '没有摄像头权限，请在浏览器设置中允许使用摄像头';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '没有找到可用的摄像头';
  return '无法打开摄像头';
}

export function Scanner({ active, onText }: ScannerProps) {
  const video = useRef<HTMLVideoElement | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const seen = useRef(new Map<string, number>());
  const busy = useRef(false);
  const activeRef = useRef(active);
  activeRef.current = active;
  const onTextRef = useRef(onText);
  onTextRef.current = onText;
  const [status, setStatus] = useState<Status>('starting');
  const [error, setError] = useState('');

  const starting = useRef(false);
  /** False once the page hid: a camera that opens after that is closed at once. */
  const wanted = useRef(true);

  const stop = useCallback(() => {
    wanted.current = false;
    stream.current?.getTracks().forEach((t) => t.stop());
    stream.current = null;
    if (video.current) video.current.srcObject = null;
    setStatus('off');
  }, []);

  const start = useCallback(async () => {
    wanted.current = true;
    if (stream.current || starting.current) return;
    const media = globalThis.navigator?.mediaDevices;
    if (!media?.getUserMedia) {
      setStatus('error');
      setError('此浏览器无法使用摄像头（需要 https 或本机地址）');
      return;
    }
    starting.current = true;
    setStatus('starting');
    try {
      const s = await media.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      if (!wanted.current) {
        s.getTracks().forEach((t) => t.stop());
        return;
      }
      stream.current = s;
      if (video.current) {
        video.current.srcObject = s;
        await video.current.play().catch(() => undefined);
      }
      setStatus('on');
    } catch (e) {
      setStatus('error');
      setError(cameraError(e));
    } finally {
      starting.current = false;
    }
  }, []);

  useEffect(() => {
    void start();
    return stop;
  }, [start, stop]);
  useDidHide(stop);
  useDidShow(() => void start());

  useEffect(() => {
    const timer = setInterval(() => {
      const v = video.current;
      if (!activeRef.current || busy.current || !v || v.readyState < 2 || !v.videoWidth) return;
      const scale = Math.min(1, DECODE_WIDTH / v.videoWidth);
      const w = Math.round(v.videoWidth * scale);
      const h = Math.round(v.videoHeight * scale);
      const c = (canvas.current ??= document.createElement('canvas'));
      if (c.width !== w) c.width = w;
      if (c.height !== h) c.height = h;
      const ctx = c.getContext('2d', { willReadFrequently: true });
      if (!ctx) return;
      ctx.drawImage(v, 0, 0, w, h);
      const found = jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'dontInvert' });
      if (!found?.data) return;
      const now = Date.now();
      const last = seen.current.get(found.data);
      seen.current.set(found.data, now);
      if (last !== undefined && now - last < REPEAT_IGNORE_MS) return;
      for (const [text, at] of seen.current) if (now - at > REPEAT_IGNORE_MS) seen.current.delete(text);
      busy.current = true;
      void onTextRef.current(found.data).finally(() => {
        busy.current = false;
      });
    }, DECODE_INTERVAL_MS);
    return () => clearInterval(timer);
  }, []);

  return (
    <div className="scanner scanner--h5">
      <div className="scanner__frame">
        <video ref={video} className="scanner__video" muted playsInline autoPlay />
        {status !== 'on' && (
          <div className="scanner__overlay">
            {status === 'error' ? error : status === 'off' ? '摄像头已关闭' : '正在打开摄像头…'}
          </div>
        )}
      </div>
      {status === 'error' || status === 'off' ? (
        <button type="button" className="btn btn--secondary btn--block scanner__start" onClick={() => void start()}>
          重新打开摄像头
        </button>
      ) : (
        <p className="scanner__hint">把居民手机上的签到二维码放进取景框，识别后自动准备扫下一位。</p>
      )}
    </div>
  );
}
