/**
 * The system font size, H5 twin: a browser does not expose the phone's font-size setting
 * (Taro's H5 getAppBaseInfo leaves out fontSizeSetting), so the page starts in 标准 mode and the
 * 大字 switch on the page decides.
 */
export const LARGE_FONT_SETTING = 20;

export function systemFontSize(): number | null {
  return null;
}
