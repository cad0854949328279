/**
 * The system font size, neutral twin (also what WeChat bundles): WeChat's app base info carries
 * `fontSizeSetting` (the font size the user chose in WeChat / the phone, in px; 17 is the
 * default). The H5 twin (font-size.h5.ts) has no such setting to read.
 */
import Taro from '@tarojs/taro';

/** From this size up the app starts in 大字 mode unless the user chose otherwise. */
export const LARGE_FONT_SETTING = 20;

/** The system font size in px, or null where the platform does not tell. */
export function systemFontSize(): number | null {
  try {
    const read = (Taro as { getAppBaseInfo?: () => { fontSizeSetting?: number } }).getAppBaseInfo;
    const size = read?.().fontSizeSetting;
    return typeof size === 'number' && Number.isFinite(size) ? size : null;
  } catch {
    return null;
  }
}
