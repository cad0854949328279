/**
 * Shared steps and layout assertions of the newcomer journeys (issue #18): log in as a demo role
 * in a font mode, open a page, and the checks that run at each width and font mode.
 */
import type { Page } from 'playwright-core';

const IDENTITY_KEY = 'llw.demoIdentity';
const THEME_KEY = 'llw.fontScale';
export const UNIT_ID = 'centre-yaotang';
export const UNIT_NAME = '尧塘街道社区教育中心';

export type FontScale = 'normal' | 'large';

/** Becomes the demo identity in the font mode (both kept in Taro's H5 storage). */
export async function as(page: Page, url: string, identity: string, scale: FontScale = 'normal'): Promise<void> {
  await page.goto(url);
  await page.evaluate(
    ([ik, iv, tk, tv]) => {
      localStorage.setItem(ik, JSON.stringify({ data: iv }));
      localStorage.setItem(tk, JSON.stringify({ data: tv }));
    },
    [IDENTITY_KEY, identity, THEME_KEY, scale],
  );
}

export async function open(page: Page, url: string, path: string): Promise<void> {
  await page.goto(`${url}#/${path}`);
  await page.reload();
}

export function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

export async function box(page: Page, selector: string) {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not shown`);
  return b;
}

/** The page itself never scrolls sideways (wide tables scroll inside their own box). */
export async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const [scroll, inner] = (await page.evaluate('[document.scrollingElement.scrollWidth, window.innerWidth]')) as [
    number,
    number,
  ];
  check(scroll <= inner, `${where}: the page scrolls sideways (${scroll}px wide in a ${inner}px window)`);
}

/** 保存 / 导出 Excel on the forms page: wide enough, their text on one line. */
export async function expectFormButtons(page: Page, minWidth: number): Promise<void> {
  for (const id of ['#save-profile', '#export-form']) {
    const b = await box(page, id);
    check(b.width >= minWidth, `${id} should be at least ${minWidth}px wide, is ${b.width}px`);
    check(b.height < 80, `${id} text should stay on one line, the button is ${b.height}px tall`);
    const cut = await page.locator(id).evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    check(!cut, `${id} text should not be cut off`);
  }
}

/** The first table's first column stays in view while the table is scrolled sideways. */
export async function expectStickyFirstColumn(page: Page): Promise<void> {
  const scroller = page.locator('.table-scroll').first();
  await scroller.waitFor();
  const firstCell = scroller.locator('.table__row:nth-child(2) > .table__cell').first();
  await firstCell.waitFor();
  const before = await firstCell.boundingBox();
  await scroller.evaluate((el) => {
    el.scrollLeft = 400;
    el.dispatchEvent(new Event('scroll'));
  });
  await page.waitForTimeout(200);
  const after = await firstCell.boundingBox();
  check(
    !!before && !!after && Math.abs(before.x - after.x) < 2,
    `the first column should stay put: ${before?.x} → ${after?.x}`,
  );
}

/** Home page: 演示数据 clear of the title, 搜索 on screen; in 大字 the tab bar at least 16 px. */
export async function expectHomeFits(page: Page, width: number, scale: FontScale): Promise<void> {
  const badge = await box(page, '.demo-badge');
  const title = await box(page, '.campaign__name');
  check(badge.y + badge.height <= title.y + 1, 'the 演示数据 badge should not cover the title');
  const search = await box(page, '.search__button');
  check(
    search.x >= 0 && search.x + search.width <= width,
    `搜索 should stay on screen, its right edge is at ${search.x + search.width} of ${width}`,
  );
  if (scale === 'large') {
    const tab = await page
      .locator('.weui-tabbar__label')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    check(tab >= 16, `the tab bar should be at least 16px in 大字 mode, is ${tab}px`);
  }
}

/** A sub-page has the title bar with a visible 返回 inside the window. */
export async function expectTitleBarBack(page: Page, width: number): Promise<void> {
  const back = await box(page, '.taro-navigation-bar-back');
  check(back.x >= 0 && back.x + back.width <= width, '返回 should be inside the window');
  await expectWholeTitle(page);
}

/** The title bar shows its whole title. */
export async function expectWholeTitle(page: Page): Promise<void> {
  const titleCut = await page
    .locator('.taro-navigation-bar-title')
    .evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  check(!titleCut, 'the title bar should show the whole title');
}

/** At the door, an unknown code replaces the big card with the refusal, no green card left. */
export async function expectUnknownCodeCard(page: Page): Promise<void> {
  await page.locator('input[placeholder="6 位签到码"]').fill('000000');
  await page.locator('.manual-code__submit').click();
  const card = page.locator('.scan-card[data-outcome="error"]');
  await card.waitFor();
  check((await card.innerText()).includes('未找到签到码 000000'), 'the big card should name the unknown code');
  check((await page.locator('.scan-card--ok').count()) === 0, 'no green card should remain');
}
