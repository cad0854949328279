/**
 * 大字模式 (适老化): WCAG contrast of every colour pair of both scales, theme.css carrying the
 * tokens' values, sizes, and the switch — remembered across restarts, following WeChat's
 * fontSizeSetting until the user chooses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { callFunction } from '../../src/platform/call';
import IndexPage from '../../src/pages/index/index';
import MinePage from '../../src/pages/mine/index';
import { CONTRAST_PAIRS, SCALES, THEMES, cssVariables } from '../../src/theme/tokens';
import { THEME_STORAGE_KEY, resetThemeState } from '../../src/theme';
import { systemFontSize } from '../../src/platform/font-size';
import * as FontSizeH5 from '../../src/platform/font-size.h5';
import Taro, { clearStorage, setFontSizeSetting, showPage } from './stand-ins/taro';
import { aWeek, anEvent, cannedTransport, ok } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;

/** WCAG 2.x relative luminance of an sRGB colour '#rrggbb'. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const MINIMUM = { text: 4.5, 'large-text': 3, ui: 3 } as const;

describe('contrast (WCAG AA)', () => {
  test('the formula gives the known ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  test.each(CONTRAST_PAIRS.map((p) => [p.scale, p.name, p] as const))('%s · %s', (_scale, _name, pair) => {
    const ratio = contrast(pair.foreground, pair.background);
    expect(ratio).toBeGreaterThanOrEqual(MINIMUM[pair.kind]);
  });

  test('大字 mode has at least the contrast of 标准 for every pair, and ≥ 7:1 for body text', () => {
    const normal = CONTRAST_PAIRS.filter((p) => p.scale === 'normal');
    for (const n of normal) {
      const l = CONTRAST_PAIRS.find((p) => p.scale === 'large' && p.name === n.name);
      expect(l).toBeDefined();
      expect(contrast(l!.foreground, l!.background)).toBeGreaterThanOrEqual(
        contrast(n.foreground, n.background) - 1e-9,
      );
    }
    const c = THEMES.large.colour;
    expect(contrast(c.text, c.page)).toBeGreaterThanOrEqual(7);
    expect(contrast(c.text2, c.surface)).toBeGreaterThanOrEqual(7);
    expect(contrast(c.onPrimary, c.primary)).toBeGreaterThanOrEqual(7);
  });
});

describe('scales', () => {
  test('theme.css declares exactly the tokens of each scale', () => {
    const css = readFileSync(join(__dirname, '../../src/theme/theme.css'), 'utf8');
    const block = (selector: string) => {
      const start = css.indexOf(`${selector} {`);
      expect(start).toBeGreaterThanOrEqual(0);
      const body = css.slice(start + selector.length + 2, css.indexOf('}', start));
      return Object.fromEntries(
        body
          .split(';')
          .map((d) => d.trim())
          .filter(Boolean)
          .map((d) => d.split(':').map((x) => x.trim()) as [string, string]),
      );
    };
    expect(block('.page')).toEqual(cssVariables(THEMES.normal));
    expect(block('.page.theme-large')).toEqual(cssVariables(THEMES.large));
  });

  test('text is ≥ 32px (28px for captions), tap targets ≥ 88px; 大字 is at least a fifth larger', () => {
    for (const scale of SCALES) {
      const { font, tap } = THEMES[scale];
      expect(font.body).toBeGreaterThanOrEqual(32);
      expect(Math.min(...Object.values(font))).toBeGreaterThanOrEqual(28);
      expect(Math.min(tap.main, tap.small)).toBeGreaterThanOrEqual(88);
    }
    for (const key of Object.keys(THEMES.normal.font) as (keyof typeof THEMES.normal.font)[]) {
      expect(THEMES.large.font[key]).toBeGreaterThanOrEqual(THEMES.normal.font[key] * 1.2);
    }
    expect(THEMES.large.tap.main).toBeGreaterThan(THEMES.normal.tap.main);
  });
});

describe('the 标准/大字 switch', () => {
  const pageRoot = () => document.querySelector('.page') as HTMLElement;

  function backend() {
    call.mockImplementation(
      cannedTransport({
        'me.get': () => ok({ role: 'resident', name: null, unitIds: [], districtId: null }),
        'signup.mine': () => ok({ items: [] }),
        'week.get': () => ok(aWeek()),
        'events.list': () => ok({ events: [anEvent()], total: 1 }),
      }) as typeof callFunction,
    );
  }

  beforeEach(() => {
    jest.clearAllMocks();
    clearStorage();
    setFontSizeSetting(17);
    resetThemeState();
    backend();
  });

  test('starts 标准 with WeChat’s default font size', async () => {
    render(<MinePage />);
    await screen.findByText('您还没有报名任何活动');
    expect(pageRoot().classList.contains('theme-normal')).toBe(true);
    expect(screen.getByLabelText('标准字号').getAttribute('aria-checked')).toBe('true');
  });

  test('大字 applies at once, on every open page, and is remembered after a restart', async () => {
    const mine = render(<MinePage />);
    await screen.findByText('您还没有报名任何活动');
    fireEvent.click(screen.getByLabelText('大字模式'));
    expect(pageRoot().classList.contains('theme-large')).toBe(true);
    expect(Taro.setStorageSync).toHaveBeenCalledWith(THEME_STORAGE_KEY, 'large');
    mine.unmount();

    resetThemeState(); // a new start of the app: nothing in memory, only storage
    render(<IndexPage />);
    await screen.findByText('智能手机使用入门');
    expect(pageRoot().classList.contains('theme-large')).toBe(true);
    // 大字 wording on the event cards.
    expect(screen.getByText('还有 12 个名额')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('标准字号'));
    expect(pageRoot().classList.contains('theme-normal')).toBe(true);
    expect(screen.getByText('余位 12')).toBeTruthy();
    expect(Taro.getStorageSync(THEME_STORAGE_KEY)).toBe('normal');
  });

  test('follows WeChat’s fontSizeSetting (≥ 20 → 大字) until the user chooses', async () => {
    setFontSizeSetting(22);
    resetThemeState();
    render(<MinePage />);
    await screen.findByText('您还没有报名任何活动');
    expect(pageRoot().classList.contains('theme-large')).toBe(true);

    // The user made the system font smaller while the app was hidden: the page follows on show.
    setFontSizeSetting(17);
    await act(async () => showPage());
    expect(pageRoot().classList.contains('theme-normal')).toBe(true);

    // Once chosen by hand, the choice wins over the system setting.
    fireEvent.click(screen.getByLabelText('大字模式'));
    setFontSizeSetting(16);
    await act(async () => showPage());
    expect(pageRoot().classList.contains('theme-large')).toBe(true);
  });

  test('a stored 标准 wins over a large system font', async () => {
    Taro.setStorageSync(THEME_STORAGE_KEY, 'normal');
    setFontSizeSetting(24);
    resetThemeState();
    render(<MinePage />);
    await screen.findByText('您还没有报名任何活动');
    expect(pageRoot().classList.contains('theme-normal')).toBe(true);
  });

  test('the twins read the system font size where there is one', () => {
    setFontSizeSetting(21);
    expect(systemFontSize()).toBe(21);
    setFontSizeSetting(undefined);
    expect(systemFontSize()).toBeNull();
    expect(FontSizeH5.systemFontSize()).toBeNull();
  });
});
