/**
 * The scale for what lies outside the page root, H5 twin: Taro's H5 tab bar and showModal dialog
 * are rendered outside `.page`, so <html> gets the class `llw-large` in 大字 mode and the theme
 * tokens of the current scale as the same CSS custom properties the pages use (sizes through
 * Taro.pxTransform, as the build turns the pages' px into rem); app.css sizes them from these.
 */
import Taro from '@tarojs/taro';
import { THEMES, cssVariables, type Scale } from '../theme/tokens';

export function applyRootScale(scale: Scale): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  root.classList.toggle('llw-large', scale === 'large');
  for (const [name, value] of Object.entries(cssVariables(THEMES[scale]))) {
    const px = /^(\d+)px$/.exec(value);
    root.style.setProperty(name, px ? Taro.pxTransform(Number(px[1])) : value);
  }
}
