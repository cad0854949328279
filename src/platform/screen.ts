/**
 * Keeping the screen bright and awake while a check-in code is shown, neutral twin (also what
 * WeChat bundles): full brightness and keep-screen-on, restored when the page hides. The H5
 * twin (screen.h5.ts) can only ask the browser for a wake lock.
 */
import Taro from '@tarojs/taro';

/** Raises the brightness and keeps the screen on; resolves to a function that undoes both. */
export async function holdScreenBright(): Promise<() => void> {
  let previous: number | null = null;
  try {
    const res = await Taro.getScreenBrightness();
    if (typeof res.value === 'number' && res.value >= 0 && res.value <= 1) previous = res.value;
  } catch {
    previous = null;
  }
  await Taro.setScreenBrightness({ value: 1 }).catch(() => undefined);
  await Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
  return () => {
    if (previous !== null) void Taro.setScreenBrightness({ value: previous }).catch(() => undefined);
    void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
  };
}
