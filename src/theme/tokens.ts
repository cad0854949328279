/**
 * The two type scales and colour sets of the app (适老化): 标准 and 大字. Pure data: the CSS
 * custom properties in theme.css carry the same values (a jest test checks they agree), and the
 * contrast test computes WCAG ratios over CONTRAST_PAIRS. Sizes are px of the 750-wide design
 * (rpx on WeChat). Large mode: bigger text and tap targets, and darker text on white.
 */
export type Scale = 'normal' | 'large';
export const SCALES: readonly Scale[] = ['normal', 'large'];

export interface ThemeTokens {
  /** Font sizes, px of the 750-wide design. */
  font: {
    caption: number;
    small: number;
    body: number;
    emph: number;
    heading: number;
    title: number;
    display: number;
    /** Big figures: counts on the cards, the poster's title. */
    figure: number;
    /** The largest numbers (a door count, a campaign banner). */
    hero: number;
    /** A code read from across a desk (签到码, 邀请码). */
    giant: number;
  };
  /** Minimum heights of tap targets. */
  tap: { main: number; small: number };
  colour: {
    text: string;
    text2: string;
    text3: string;
    page: string;
    surface: string;
    cardBorder: string;
    inputBorder: string;
    placeholder: string;
    primary: string;
    onPrimary: string;
    primaryPressed: string;
    link: string;
    danger: string;
    disabledText: string;
    disabledBg: string;
    okText: string;
    okBg: string;
    waitText: string;
    waitBg: string;
    mutedText: string;
    mutedBg: string;
    infoText: string;
    infoBg: string;
    errorText: string;
    errorBg: string;
    /** Lines between rows and table cells (decoration, no contrast minimum). */
    divider: string;
    /** A quiet panel on a card: table headers, summaries. */
    surfaceAlt: string;
    /** The keyboard focus outline. */
    focus: string;
    focusRing: string;
    shadow: string;
    shadowSoft: string;
    /** Behind a dialog. */
    scrim: string;
    highlightBg: string;
    onHighlight: string;
    /** Status dots and borders: 候补/未签到 and 已签到. */
    waitMark: string;
    okMark: string;
  };
}

export const THEMES: Record<Scale, ThemeTokens> = {
  normal: {
    font: {
      caption: 28,
      small: 30,
      body: 32,
      emph: 34,
      heading: 36,
      title: 40,
      display: 44,
      figure: 48,
      hero: 64,
      giant: 88,
    },
    tap: { main: 88, small: 88 },
    colour: {
      text: '#1a1a1a',
      text2: '#3a3a3a',
      text3: '#4a4a4a',
      page: '#f4f5f7',
      surface: '#ffffff',
      cardBorder: '#e1e5ea',
      inputBorder: '#7b8794',
      placeholder: '#6b7280',
      primary: '#0b5394',
      onPrimary: '#ffffff',
      primaryPressed: '#083e6f',
      link: '#0b5394',
      danger: '#b3261e',
      disabledText: '#3a3a3a',
      disabledBg: '#d9dce1',
      okText: '#14602c',
      okBg: '#e3f4e8',
      waitText: '#7a4200',
      waitBg: '#fff1d6',
      mutedText: '#4a4a4a',
      mutedBg: '#eceef1',
      infoText: '#0b4a85',
      infoBg: '#e5eef8',
      errorText: '#8c1d18',
      errorBg: '#fdecea',
      divider: '#c4ccd6',
      surfaceAlt: '#f4f7fb',
      focus: '#f0a500',
      focusRing: 'rgba(11, 83, 148, 0.25)',
      shadow: 'rgba(0, 0, 0, 0.25)',
      shadowSoft: 'rgba(0, 0, 0, 0.08)',
      scrim: 'rgba(0, 0, 0, 0.45)',
      highlightBg: '#ffd766',
      onHighlight: '#3d2a00',
      waitMark: '#b06000',
      okMark: '#1e8e3e',
    },
  },
  large: {
    font: {
      caption: 34,
      small: 36,
      body: 40,
      emph: 42,
      heading: 44,
      title: 48,
      display: 54,
      figure: 58,
      hero: 78,
      giant: 106,
    },
    tap: { main: 108, small: 100 },
    colour: {
      text: '#000000',
      text2: '#1a1a1a',
      text3: '#262626',
      page: '#ffffff',
      surface: '#ffffff',
      cardBorder: '#5c6670',
      inputBorder: '#3d4650',
      placeholder: '#4b5563',
      primary: '#083e6f',
      onPrimary: '#ffffff',
      primaryPressed: '#052a4b',
      link: '#083e6f',
      danger: '#8c1d18',
      disabledText: '#1a1a1a',
      disabledBg: '#c9cdd3',
      okText: '#0b4019',
      okBg: '#e3f4e8',
      waitText: '#5a3000',
      waitBg: '#fff1d6',
      mutedText: '#262626',
      mutedBg: '#eceef1',
      infoText: '#083e6f',
      infoBg: '#e5eef8',
      errorText: '#6e1410',
      errorBg: '#fdecea',
      divider: '#8a96a3',
      surfaceAlt: '#eef2f6',
      focus: '#f0a500',
      focusRing: 'rgba(8, 62, 111, 0.35)',
      shadow: 'rgba(0, 0, 0, 0.25)',
      shadowSoft: 'rgba(0, 0, 0, 0.08)',
      scrim: 'rgba(0, 0, 0, 0.55)',
      highlightBg: '#ffd766',
      onHighlight: '#2a1c00',
      waitMark: '#8a4a00',
      okMark: '#14602c',
    },
  },
};

/** Text that WCAG counts as large (≥ 18pt, or ≥ 14pt bold) needs 3:1; other text 4.5:1; UI parts 3:1. */
export type ContrastKind = 'text' | 'large-text' | 'ui';

export interface ContrastPair {
  scale: Scale;
  name: string;
  foreground: string;
  background: string;
  kind: ContrastKind;
}

type ColourKey = keyof ThemeTokens['colour'];

/** Every foreground/background pairing the pages use, per scale. */
const PAIRINGS: { name: string; fg: ColourKey; bg: ColourKey; kind: ContrastKind }[] = [
  { name: '正文/页面底色', fg: 'text', bg: 'page', kind: 'text' },
  { name: '正文/卡片', fg: 'text', bg: 'surface', kind: 'text' },
  { name: '次要文字/卡片', fg: 'text2', bg: 'surface', kind: 'text' },
  { name: '次要文字/页面底色', fg: 'text2', bg: 'page', kind: 'text' },
  { name: '说明文字/卡片', fg: 'text3', bg: 'surface', kind: 'text' },
  { name: '说明文字/页面底色', fg: 'text3', bg: 'page', kind: 'text' },
  { name: '输入提示/输入框', fg: 'placeholder', bg: 'surface', kind: 'text' },
  { name: '主按钮文字/主按钮', fg: 'onPrimary', bg: 'primary', kind: 'text' },
  { name: '按下的主按钮', fg: 'onPrimary', bg: 'primaryPressed', kind: 'text' },
  { name: '次按钮文字/卡片', fg: 'primary', bg: 'surface', kind: 'text' },
  { name: '链接/卡片', fg: 'link', bg: 'surface', kind: 'text' },
  { name: '链接/页面底色', fg: 'link', bg: 'page', kind: 'text' },
  { name: '危险按钮文字/卡片', fg: 'danger', bg: 'surface', kind: 'text' },
  { name: '不可用按钮', fg: 'disabledText', bg: 'disabledBg', kind: 'text' },
  { name: '状态：成功', fg: 'okText', bg: 'okBg', kind: 'text' },
  { name: '状态：候补', fg: 'waitText', bg: 'waitBg', kind: 'text' },
  { name: '状态：灰', fg: 'mutedText', bg: 'mutedBg', kind: 'text' },
  { name: '状态：信息', fg: 'infoText', bg: 'infoBg', kind: 'text' },
  { name: '错误提示', fg: 'errorText', bg: 'errorBg', kind: 'text' },
  { name: '输入框边框/卡片', fg: 'inputBorder', bg: 'surface', kind: 'ui' },
  { name: '主按钮/页面底色', fg: 'primary', bg: 'page', kind: 'ui' },
  // The staff and organizer pages (src/staff, src/organizer) add these.
  { name: '危险标记文字', fg: 'onPrimary', bg: 'danger', kind: 'text' },
  { name: '离线横幅', fg: 'onPrimary', bg: 'text', kind: 'text' },
  { name: '成功文字/卡片', fg: 'okText', bg: 'surface', kind: 'text' },
  { name: '候补文字/卡片', fg: 'waitText', bg: 'surface', kind: 'text' },
  { name: '信息文字/卡片', fg: 'infoText', bg: 'surface', kind: 'text' },
  { name: '错误文字/卡片', fg: 'errorText', bg: 'surface', kind: 'text' },
  { name: '错误文字/页面底色', fg: 'errorText', bg: 'page', kind: 'text' },
  { name: '危险按钮文字/页面底色', fg: 'danger', bg: 'page', kind: 'text' },
  { name: '正文/浅色面板', fg: 'text', bg: 'surfaceAlt', kind: 'text' },
  { name: '次要文字/浅色面板', fg: 'text2', bg: 'surfaceAlt', kind: 'text' },
  { name: '说明文字/浅色面板', fg: 'text3', bg: 'surfaceAlt', kind: 'text' },
  { name: '链接/浅色面板', fg: 'primary', bg: 'surfaceAlt', kind: 'text' },
  { name: '表头文字/灰底', fg: 'text', bg: 'mutedBg', kind: 'text' },
  { name: '次要文字/灰底', fg: 'text2', bg: 'mutedBg', kind: 'text' },
  { name: '信息文字/信息底色', fg: 'text', bg: 'infoBg', kind: 'text' },
  { name: '醒目标签', fg: 'onHighlight', bg: 'highlightBg', kind: 'text' },
  { name: '候补标记/卡片', fg: 'waitMark', bg: 'surface', kind: 'ui' },
  { name: '签到标记/卡片', fg: 'okMark', bg: 'surface', kind: 'ui' },
  { name: '输入框边框/浅色面板', fg: 'inputBorder', bg: 'surfaceAlt', kind: 'ui' },
];

export const CONTRAST_PAIRS: ContrastPair[] = SCALES.flatMap((scale) =>
  PAIRINGS.map((p) => ({
    scale,
    name: p.name,
    foreground: THEMES[scale].colour[p.fg],
    background: THEMES[scale].colour[p.bg],
    kind: p.kind,
  })),
);

/** The CSS custom property of each token (theme.css declares them on `.page` and `.page.theme-large`). */
export function cssVariables(tokens: ThemeTokens): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(tokens.font)) vars[`--font-${k}`] = `${v}px`;
  for (const [k, v] of Object.entries(tokens.tap)) vars[`--tap-${k}`] = `${v}px`;
  for (const [k, v] of Object.entries(tokens.colour))
    vars[`--c-${k.replace(/[A-Z0-9]/g, (m) => `-${m.toLowerCase()}`)}`] = v;
  return vars;
}
