/**
 * Continuous QR scanning, neutral twin (also what WeChat bundles): `Taro.scanCode` in a loop.
 * The camera opens when the page opens; after each code the page shows its result card, and
 * CARD_PAUSE_MS later the camera opens again, until staff close the camera or leave the page.
 * WeChat hides the page while its scanner is open: only a hide that the scanner did not cause
 * stops the loop. The H5 twin (scanner.h5.tsx) decodes frames of the browser's camera instead.
 */
import { Text, View } from '@tarojs/components';
import { BusyButton } from '../components/busy-button';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScannerProps } from './scanner.types';
import { CARD_PAUSE_MS } from './scanner.types';

export type { ScannerProps } from './scanner.types';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function Scanner({ active, onText }: ScannerProps) {
  const [scanning, setScanning] = useState(false);
  const run = useRef(0);
  const cameraOpen = useRef(false);
  const shown = useRef(true);
  const activeRef = useRef(active);
  activeRef.current = active;
  const onTextRef = useRef(onText);
  onTextRef.current = onText;

  const loop = useCallback(async () => {
    const mine = ++run.current;
    const current = () => mine === run.current && shown.current && activeRef.current;
    setScanning(true);
    while (current()) {
      cameraOpen.current = true;
      let text: string | null = null;
      try {
        const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
        text = typeof res.result === 'string' ? res.result : null;
      } catch {
        text = null; // closed by staff, or no camera permission
      } finally {
        cameraOpen.current = false;
      }
      if (text === null || mine !== run.current) break;
      await onTextRef.current(text);
      await sleep(CARD_PAUSE_MS);
    }
    if (mine === run.current) setScanning(false);
  }, []);

  useDidHide(() => {
    if (cameraOpen.current) return; // our own scanner covers the page
    shown.current = false;
    run.current += 1;
    setScanning(false);
  });
  useDidShow(() => {
    shown.current = true;
  });

  // The camera opens with the page; it stops when the page turns inactive or goes away.
  useEffect(() => {
    if (activeRef.current) void loop();
    return () => {
      run.current += 1;
    };
  }, [loop]);
  useEffect(() => {
    if (active) return;
    run.current += 1;
    setScanning(false);
  }, [active]);

  return (
    <View className="scanner scanner--weapp">
      <BusyButton
        className="btn--primary btn--block scanner__start"
        busy={scanning}
        spinner={false}
        lock
        disabled={!active || undefined}
        onClick={() => void loop()}
      >
        {scanning ? '正在扫码…' : '开始扫码'}
      </BusyButton>
      <Text className="scanner__hint">
        {scanning ? '扫完一位后会自动准备扫下一位。' : '点“开始扫码”连续扫码；关闭扫码界面即可暂停。'}
      </Text>
    </View>
  );
}
