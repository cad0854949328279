/**
 * 实时统计 follows a sign-up without a reload: the demo organizer opens the dashboard and waits
 * for the live channel (实时); in a second browser context the default resident signs up for an
 * event with seats left; the organizer's 报名人数 goes up by the party (1: no companions) within
 * 5 s, on the same page (a marker set on `window` before the sign-up is still there).
 */
import type { Page } from 'playwright-core';
import type { Journey } from '../run';

/** The demo identity switcher's storage key and Taro's H5 storage format. */
const IDENTITY_KEY = 'llw.demoIdentity';
const LIVE_WITHIN_MS = 5_000;

const SIGNUPS = '#tile-signups .tile__value';

async function figure(page: Page, selector: string): Promise<number> {
  const text = (await page.locator(selector).innerText()).replace(/[,\s]/g, '');
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`${selector} should show a number, got: ${text}`);
  return n;
}

async function signUpAsResident(resident: Page, url: string): Promise<string> {
  await resident.goto(url);
  await resident.locator('.campaign__name').waitFor();
  await resident.waitForFunction(() => !document.querySelector('.event-list .state--loading'));
  // Today's tab first, then the other days, until an event with seats left shows.
  const tabs = resident.locator('.day-tab');
  const count = await tabs.count();
  for (let i = 0; i < count; i++) {
    await tabs.nth(i).click();
    await resident.locator('.day-tab--active').nth(0).waitFor();
    await resident.waitForFunction(() => !document.querySelector('.event-list .state--loading'));
    const card = resident.locator('.event-card', { hasText: '余位' }).first();
    if ((await card.count()) === 0) continue;
    const title = (await card.locator('.event-card__title').innerText()).trim();
    await card.click();
    await resident.locator('.detail__title', { hasText: title }).waitFor();
    await resident.locator('.signup-button').click();
    await resident.locator('input[placeholder="请输入姓名"]').fill('王秀英');
    await resident.locator('input[placeholder="请输入手机号"]').fill('13912340001');
    await resident.getByText('我已阅读并同意', { exact: false }).first().click();
    await resident.getByText('提交报名', { exact: true }).click();
    await resident.getByText('报名成功', { exact: false }).first().waitFor();
    return title;
  }
  throw new Error('no event with seats left in the demo week');
}

export const organizerSeesLive: Journey = {
  name: 'organizer sees a sign-up on 实时统计 without reloading',
  async run({ url, page, shot }) {
    await page.goto(url);
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key, JSON.stringify({ data: value })),
      [IDENTITY_KEY, 'organizer'],
    );
    await page.goto(`${url}#/organizer/dashboard/index`);
    await page.reload();
    await page.locator(SIGNUPS).waitFor();
    await page.locator('.live-status__text--live', { hasText: '实时' }).waitFor();
    const before = await figure(page, SIGNUPS);
    const stamp = await page.locator('.live-status__time').innerText();
    await page.evaluate(() => {
      (window as unknown as { __organizerMarker?: string }).__organizerMarker = 'same page';
    });
    await shot('dashboard');

    // The resident, in a browser context of their own (the default demo identity).
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser behind the page');
    const residentContext = await browser.newContext({ viewport: { width: 414, height: 896 }, locale: 'zh-CN' });
    try {
      const resident = await residentContext.newPage();
      resident.setDefaultTimeout(15_000);
      const title = await signUpAsResident(resident, url);
      const signedUpAt = Date.now();

      await page.waitForFunction(
        ([selector, was]) => {
          const text = document.querySelector(selector)?.textContent ?? '';
          return Number(text.replace(/[,\s]/g, '')) > was;
        },
        [SIGNUPS, before] as const,
        { timeout: LIVE_WITHIN_MS },
      );
      const took = Date.now() - signedUpAt;
      const after = await figure(page, SIGNUPS);
      if (after !== before + 1) {
        throw new Error(`报名人数 should go up by 1 after signing up for “${title}”: ${before} → ${after}`);
      }
      const marker = await page.evaluate(() => (window as unknown as { __organizerMarker?: string }).__organizerMarker);
      if (marker !== 'same page') throw new Error('the dashboard page was reloaded');
      const stampAfter = await page.locator('.live-status__time').innerText();
      if (stampAfter === stamp && took > 1000) throw new Error(`更新于 should move, still: ${stampAfter}`);
      await shot('dashboard-updated');
    } finally {
      await residentContext.close();
    }
  },
};
