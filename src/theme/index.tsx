/**
 * 大字模式 (适老化): one switch for the whole app. The scale is the user's choice when they made
 * one (kept in storage), otherwise it follows the system font size (WeChat's fontSizeSetting ≥ 20
 * → 大字; see src/platform/font-size). Pages render their root as <ThemedPage>, which carries the
 * class `theme-large` in 大字 mode; theme.css gives the CSS custom properties of each scale and
 * every resident page's styles read them. The choice applies at once on every open page.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { LARGE_FONT_SETTING, systemFontSize } from '../platform/font-size';
import { applyRootScale } from '../platform/root-scale';
import { THEMES, type Scale } from './tokens';
import { PrivacyGate } from '../components/privacy-gate';

export type { Scale } from './tokens';

export const THEME_STORAGE_KEY = 'llw.fontScale';

/** undefined: storage not read yet; null: the user has not chosen. */
let chosen: Scale | null | undefined;
let system: Scale | undefined;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

function readChosen(): Scale | null {
  try {
    const stored: unknown = Taro.getStorageSync(THEME_STORAGE_KEY);
    return stored === 'large' || stored === 'normal' ? stored : null;
  } catch {
    return null;
  }
}

/** 大字 when the system font size is at least LARGE_FONT_SETTING. */
export function systemScale(): Scale {
  const size = systemFontSize();
  return size !== null && size >= LARGE_FONT_SETTING ? 'large' : 'normal';
}

export function currentScale(): Scale {
  if (chosen === undefined) chosen = readChosen();
  if (chosen) return chosen;
  system ??= systemScale();
  return system;
}

/** The user's choice: applied everywhere at once and remembered. */
export function chooseScale(scale: Scale): void {
  chosen = scale;
  try {
    Taro.setStorageSync(THEME_STORAGE_KEY, scale);
  } catch {
    // Storage unavailable: the choice still holds while the app runs.
  }
  notify();
}

/** Reads the system setting again (the user may have changed it while the app was hidden). */
export function refreshSystemScale(): void {
  const next = systemScale();
  if (next === system) return;
  system = next;
  notify();
}

/** Forgets what was read, so the next read starts from storage and the system (tests). */
export function resetThemeState(): void {
  chosen = undefined;
  system = undefined;
  notify();
}

export interface Theme {
  scale: Scale;
  large: boolean;
  /** The class of the page root. */
  className: 'theme-normal' | 'theme-large';
}

export function useTheme(): Theme {
  const scale = useSyncExternalStore(subscribe, currentScale, currentScale);
  return { scale, large: scale === 'large', className: scale === 'large' ? 'theme-large' : 'theme-normal' };
}

/** A page's root: `.page` with the theme's class. */
export function ThemedPage({ className, children }: { className?: string; children?: ReactNode }) {
  const theme = useTheme();
  useDidShow(() => refreshSystemScale());
  useEffect(() => applyRootScale(theme.scale), [theme.scale]);
  return (
    <View className={`page ${theme.className} ${className ?? ''}`.trim()}>
      {children}
      <PrivacyGate />
    </View>
  );
}

/** 标准 | 大字: two large segments, the current one filled. */
export function ThemeToggle({ className }: { className?: string }) {
  const { scale } = useTheme();
  const item = (value: Scale, text: string, label: string) => (
    <View
      className={`theme-toggle__item${scale === value ? ' theme-toggle__item--on' : ''}`}
      role="radio"
      aria-checked={scale === value}
      aria-label={label}
      data-scale={value}
      onClick={() => chooseScale(value)}
    >
      <Text>{text}</Text>
    </View>
  );
  return (
    <View className={`theme-toggle ${className ?? ''}`.trim()} role="radiogroup" aria-label="字号">
      {item('normal', '标准', '标准字号')}
      {item('large', '大字', '大字模式')}
    </View>
  );
}

/** A confirmation dialog's button colours in the current scale (Taro.showModal takes colours, not classes). */
export function dialogColours(danger = false): { confirmColor: string; cancelColor: string } {
  const colour = THEMES[currentScale()].colour;
  return { confirmColor: danger ? colour.danger : colour.primary, cancelColor: colour.text };
}
