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

const GREY = 'rgb(128, 128, 128)';

/**
 * 我的报名's cancel dialog (opened on the first 取消报名): inside the window; in 大字 its text and
 * 再想想 larger than 16 px and not Taro's grey #808080. Leaves the dialog open for the screenshot.
 */
export async function expectCancelDialog(page: Page, width: number, scale: FontScale): Promise<void> {
  await page.locator('.cancel-button').first().click();
  const cancel = page.locator('.taro-model__cancel');
  await cancel.waitFor();
  const dialog = await box(page, '.taro-modal__content');
  check(dialog.x >= 0 && dialog.x + dialog.width <= width, 'the cancel dialog should be inside the window');
  if (scale !== 'large') return;
  for (const selector of ['.taro-modal__text', '.taro-model__cancel']) {
    const look = await page
      .locator(selector)
      .first()
      .evaluate((el) => ({ size: parseFloat(getComputedStyle(el).fontSize), colour: getComputedStyle(el).color }));
    check(look.size > 16, `${selector} should be large in 大字 mode, is ${look.size}px`);
    check(look.colour !== GREY, `${selector} should not be grey #808080 in 大字 mode`);
  }
}

async function statusesAfter(page: Page, filter: string): Promise<string[]> {
  await page.locator(`#roster-filter-${filter}`).click();
  await page.waitForTimeout(200);
  return page.locator('.roster-list .roster-entry__status').allInnerTexts();
}

/**
 * The roster's status filter: every chip inside the window; 未签到 and 已签到 keep only their
 * people (at least one each); 现场登记 shows the walk-ins and no sign-ups. Ends on 现场登记.
 */
export async function expectRosterFilters(page: Page, width: number): Promise<void> {
  await page.locator('#roster-filter-all').waitFor();
  for (const chip of await page.locator('.roster-filter__item').all()) {
    const b = await chip.boundingBox();
    check(
      !!b && b.x >= 0 && b.x + b.width <= width,
      `the filter ${await chip.innerText()} should be inside the window`,
    );
  }
  const waiting = await statusesAfter(page, 'waiting');
  check(
    waiting.length > 0 && waiting.every((s) => s.includes('未签到')),
    `未签到 should show only people not checked in: ${waiting.join(', ')}`,
  );
  const checkedIn = await statusesAfter(page, 'in');
  check(
    checkedIn.length > 0 && checkedIn.every((s) => s.includes('已签到')),
    `已签到 should show only people checked in: ${checkedIn.join(', ')}`,
  );
  const walkins = await statusesAfter(page, 'walkin');
  check(walkins.length === 0, `现场登记 should show no sign-ups: ${walkins.join(', ')}`);
  check((await page.locator('#walkin-list .roster-entry--walkin').count()) > 0, '现场登记 should list the walk-ins');
}

/** Search covers the whole week: a word the demo uses on many days finds events of several days. */
export async function expectWholeWeekSearch(page: Page): Promise<void> {
  await page.locator('input[placeholder="搜索活动"]').fill('社区教育中心');
  await page.locator('.search__button').click();
  await page.locator('.filters__summary-text', { hasText: '全周搜索' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.event-list .state--loading'));
  const days = await page.locator('.event-card__time').allInnerTexts();
  const distinct = new Set(days.map((t) => /\d+月\d+日/.exec(t)?.[0]).filter(Boolean));
  check(distinct.size >= 2, `search should find events on several days, found: ${[...distinct].join(', ')}`);
}

/** 未登录访客 on 我的报名 is offered a way to log in, inside the window, and it works. */
export async function expectVisitorCanLogIn(page: Page, width: number): Promise<void> {
  const login = page.getByText('以居民 王阿姨 身份登录', { exact: true });
  await login.waitFor();
  const b = await login.boundingBox();
  check(!!b && b.x >= 0 && b.x + b.width <= width, '登录 should be inside the window');
}

/** 筹备日志 names the audited event and shows no internal id (ev-…, demo-jintan-…). */
export async function expectAuditNames(page: Page, eventTitle: string): Promise<void> {
  await page
    .locator('.audit-row__meta', { hasText: `活动“${eventTitle}”` })
    .first()
    .waitFor();
  const meta = (await page.locator('.audit-row__meta').allInnerTexts()).join('\n');
  check(
    !/ev-[0-9a-f]{6,}|demo-jintan-\d{4}/.test(meta),
    `the audit log should show names, got:\n${meta.slice(0, 400)}`,
  );
}

/** The title bar names the page and has 返回 (the page was reached by navigation, as users do). */
export async function expectTitled(page: Page, width: number, title: string): Promise<void> {
  await page.locator('.taro-navigation-bar-title', { hasText: title }).waitFor();
  await expectTitleBarBack(page, width);
}
