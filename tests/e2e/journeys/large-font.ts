/**
 * The resident journey in 大字 mode: the switch on the home page makes every page's text larger
 * (measured) and its wording plainer (还有 N 个名额); pick a day, open an event, sign up, see it
 * in 我的报名, turn on 活动提醒 (the local server's stand-in for WeChat's dialog) and open 我的提醒,
 * with a screenshot of each step. On every page each control has an accessible name.
 */
import type { Page } from 'playwright-core';
import type { Journey } from '../run';

/** The demo identity switcher's storage key and Taro's H5 storage format. */
const IDENTITY_KEY = 'llw.demoIdentity';

/** Controls as the H5 build renders them (Taro's buttons are taro-button-core). */
const CONTROLS =
  'taro-button-core, button, input, textarea, select, a[href], [role="button"], [role="link"], [role="tab"], [role="radio"], [role="checkbox"], [role="switch"]';

/**
 * Visible controls with no text, aria-label or placeholder. Passed as a string: the test runner's
 * transpiler would wrap named helpers in a function the page does not have.
 */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll(${JSON.stringify(CONTROLS)})]
    .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; })
    .filter((el) => !(el.getAttribute('aria-label') || '').trim() && !(el.placeholder || '').trim() && !(el.textContent || '').trim())
    .map((el) => el.outerHTML.slice(0, 100))`);
}

async function expectNamed(page: Page, where: string): Promise<void> {
  const unnamed = await unnamedControls(page);
  if (unnamed.length) throw new Error(`${where}: controls without a name: ${unnamed.join(' | ')}`);
}

async function px(page: Page, selector: string, property: 'fontSize' | 'minHeight' | 'height'): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el, p) => parseFloat(getComputedStyle(el)[p]), property);
}

export const residentLargeFont: Journey = {
  name: 'resident signs up in large-font (大字) mode',
  async run({ url, page, shot }) {
    // A resident of their own (the local server accepts any resident-<n>), so that no earlier
    // journey has signed up for the event already.
    await page.goto(url);
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key, JSON.stringify({ data: value })),
      [IDENTITY_KEY, `resident-lf${Date.now().toString(36)}`],
    );
    await page.reload();
    await page.locator('.campaign__name').waitFor();
    await page.locator('.event-card').first().waitFor();
    const normalTitle = await px(page, '.event-card__title', 'fontSize');
    const normalTab = await px(page, '.day-tab', 'minHeight');
    await shot('standard');

    await page.getByLabel('大字模式').first().click();
    await page.locator('.home.theme-large').waitFor();
    const largeTitle = await px(page, '.event-card__title', 'fontSize');
    if (largeTitle < normalTitle * 1.15) {
      throw new Error(`大字 should enlarge the text: ${normalTitle}px → ${largeTitle}px`);
    }
    const largeButton = await px(page, '.search__button', 'minHeight');
    if (largeButton <= normalTab * 0.9) throw new Error(`大字 buttons should be tall, got ${largeButton}px`);
    await expectNamed(page, '首页');
    await shot('large-home');

    const secondDay = page.locator('.day-tab').nth(1);
    const dayLabel = (await secondDay.locator('.day-tab__date').innerText()).trim();
    await secondDay.click();
    await page.locator('.day-tab--active', { hasText: dayLabel }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.event-list .state--loading'));
    const card = page.locator('.event-card', { hasText: '个名额' }).first();
    await card.waitFor();
    await shot('large-day');

    const title = (await card.locator('.event-card__title').innerText()).trim();
    await card.click();
    await page.locator('.detail__title', { hasText: title }).waitFor();
    await page.locator('.event-page.theme-large').waitFor();
    await page.getByText('适合谁参加', { exact: true }).waitFor(); // plainer labels
    await expectNamed(page, '活动详情');
    await shot('large-event');

    await page.locator('.signup-button').click();
    await page.locator('input[placeholder="请输入姓名"]').fill('王秀英');
    await page.locator('input[placeholder="请输入手机号"]').fill('13912340002');
    await page.getByText('我已阅读并同意', { exact: false }).first().click();
    await expectNamed(page, '报名');
    await shot('large-form');
    await page.getByText('提交报名', { exact: true }).click();
    await page.getByText('报名成功', { exact: false }).first().waitFor();
    await page.locator('.reminder__button').waitFor();
    await shot('large-signed-up');

    await page.getByText('查看我的报名', { exact: true }).click();
    const mine = page.locator('.registration-card', { hasText: title }).first();
    await mine.waitFor();
    await mine.getByText('已报名', { exact: false }).first().waitFor();
    await page.locator('.mine-page.theme-large').waitFor();
    await expectNamed(page, '我的报名');
    await shot('large-mine');

    // 开启活动提醒: the local server simulates WeChat's dialog with a confirmation.
    const reminders = page.locator('.mine-page .reminders-card');
    await reminders.scrollIntoViewIfNeeded();
    await reminders.locator('.reminder__button').click();
    await page.getByText('允许', { exact: true }).click();
    await reminders.locator('.reminder__credits', { hasText: '活动开始提醒 1 次' }).waitFor();
    await shot('large-reminders-on');
    await reminders.getByText('查看我的提醒', { exact: true }).click();
    await page.locator('.reminders-page.theme-large').waitFor();
    await expectNamed(page, '我的提醒');
    await shot('large-my-reminders');
  },
};
