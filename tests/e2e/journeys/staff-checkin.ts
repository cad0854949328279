/**
 * Door check-in end to end: the demo resident signs up for an event of 尧塘街道社区教育中心
 * (today's if one is still open, else the next day's), opens 我的报名 → 签到码 and reads the
 * code off the QR element; then, as the demo staff identity of that centre, opens 工作人员入口 →
 * the event → 扫码签到, enters the code in the manual box (the headless browser has no camera),
 * sees 签到成功, enters the six-digit short code and sees 已签到, and finds the person
 * 已签到 in 名单.
 */
import type { Page } from 'playwright-core';
import type { Journey } from '../run';

const UNIT = '尧塘街道社区教育中心';
/** The demo identity switcher's storage key and Taro's H5 storage format. */
const IDENTITY_KEY = 'llw.demoIdentity';

async function listSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.event-list .state--loading'));
}

/** Today's tab first, then the days after it, then the days before. */
async function findOpenEventOfUnit(page: Page): Promise<{ eventId: string; day: string; title: string }> {
  const tabs = page.locator('.day-tab');
  const count = await tabs.count();
  const ids = await tabs.evaluateAll((els) => els.map((e) => e.id));
  const active = await page.locator('.day-tab--active').getAttribute('id');
  const start = Math.max(0, ids.indexOf(active ?? ''));
  const order = [...Array(count).keys()].map((i) => (start + i) % count);
  for (const i of order) {
    await tabs.nth(i).click();
    await page.locator(`#${ids[i]}.day-tab--active`).waitFor();
    await listSettled(page);
    const card = page
      .locator('.event-card')
      .filter({ has: page.locator('.event-card__host', { hasText: UNIT }) })
      .filter({ has: page.locator('.event-card__seats', { hasText: '余位' }) })
      .first();
    if ((await card.count()) === 0) continue;
    const id = (await card.getAttribute('id')) ?? '';
    return {
      eventId: id.replace(/^event-/, ''),
      day: ids[i].replace(/^day-/, ''),
      title: (await card.locator('.event-card__title').innerText()).trim(),
    };
  }
  throw new Error(`no event of ${UNIT} with seats left in the demo week`);
}

export const staffChecksIn: Journey = {
  name: "staff scan a resident's code from 我的报名 before the door opens: refused, nothing counted",
  async run({ url, page, shot }) {
    // The resident signs up.
    await page.goto(url);
    await page.locator('.campaign__name').waitFor();
    await listSettled(page);
    await page.locator('input[placeholder="搜索活动"]').fill(UNIT);
    await page.locator('.search__button').click();
    await listSettled(page);
    const { eventId, day, title } = await findOpenEventOfUnit(page);
    await shot('unit-events');

    await page.locator(`#event-${eventId}`).click();
    await page.locator('.detail__title', { hasText: title }).waitFor();
    const action = (await page.locator('.signup-button').innerText()).trim();
    if (action === '我要报名') {
      await page.locator('.signup-button').click();
      await page.locator('input[placeholder="请输入姓名"]').fill('王秀英');
      await page.locator('input[placeholder="请输入手机号"]').fill('13912345678');
      await page.getByText('我已阅读并同意', { exact: false }).first().click();
      await page.getByText('提交报名', { exact: true }).click();
      await page.getByText('报名成功', { exact: false }).first().waitFor();
      await shot('signed-up');
      await page.getByText('查看我的报名', { exact: true }).click();
    } else {
      // Signed up already (an earlier journey chose the same event): straight to 我的报名.
      await page.goto(`${url}#/pages/mine/index`);
    }

    // 我的报名 → 签到码: read the code the QR shows.
    const mine = page.locator(`.registration-card[id^="registration-${eventId}_"]`);
    await mine.waitFor();
    const registrationId = ((await mine.getAttribute('id')) ?? '').replace(/^registration-/, '');
    await shot('mine');
    await mine.locator('.code-button').click();
    const qr = page.locator('.checkin-qr');
    await qr.waitFor();
    const code = (await qr.getAttribute('data-code')) ?? '';
    if (!code.startsWith(`L1.${eventId}.`)) throw new Error(`the QR should carry a code of ${eventId}, got: ${code}`);
    const box = await qr.boundingBox();
    if (!box || box.width < 250) throw new Error(`the QR should be large, got ${box?.width ?? 0}px wide`);
    const shortCode = (await page.locator('.short-code__digits').innerText()).replace(/\s+/g, '');
    if (!/^\d{6}$/.test(shortCode)) throw new Error(`a six-digit short code should show, got: ${shortCode}`);
    await shot('code');

    // Act as the centre's staff (the switcher keeps its choice in Taro's storage).
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key, JSON.stringify({ data: value })),
      [IDENTITY_KEY, 'staff'],
    );
    await page.goto(`${url}#/pages/mine/index`);
    await page.reload();
    await page.getByText('工作人员入口', { exact: true }).click();
    await page.locator(`#staff-day-${day}`).click();
    await page.locator(`#staff-day-${day}.day-tab--active`).waitFor();
    const staffCard = page.locator(`#staff-event-${eventId}`);
    await staffCard.waitFor();
    await shot('staff-events');

    // 扫码签到: no camera here, so the code goes in by hand.
    await staffCard.locator('.staff-event__scan').click();
    await page.locator('.door-header__title', { hasText: title }).waitFor();
    await page.locator('.pending-bar__count', { hasText: '待同步 0 条' }).waitFor();
    await page.locator('input[placeholder="6 位签到码"]').fill(code);
    await page.locator('.manual-code__submit').click();
    // The demo week lies ahead: the door opens 60 minutes before the start (core/checkin.ts), so the
    // code is refused as 未到签到时间 and nothing is counted. (A successful scan inside the window is
    // proven against the demo server in tests/server/demo-door.test.ts and on the page in
    // tests/app/scan-page.test.tsx.)
    const early = page.locator('.scan-result', { hasText: '未到签到时间' });
    await early.waitFor();
    const earlyText = await early.innerText();
    if (!earlyText.includes('王*英')) throw new Error(`the card should name the masked person, got: ${earlyText}`);
    await shot('too-early');

    // 名单: the person is still 未签到.
    await page.locator('.door-links__roster').click();
    const entry = page.locator(`#roster-${registrationId}`);
    await entry.waitFor();
    await entry.locator('.roster-entry__status', { hasText: '未签到' }).waitFor();
    await page.locator('.roster-totals').waitFor();
    await shot('roster');
  },
};
