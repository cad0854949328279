/**
 * Organising the week end to end: the demo organizer invites a person as 工作人员 of
 * 尧塘街道社区教育中心 and reads the code off 邀请已生成 (its QR code scans as the invitation
 * page's address); a fresh resident identity opens the
 * invitation page with that code and accepts it; now staff, they create an event on a day of the
 * demo week (the editor's day chips are the week's days) and submit it; the organizer finds it
 * in 待审核 and approves it; the default resident finds it in the week list by its title.
 */
import type { Page } from 'playwright-core';
import type { Journey } from '../run';

/** The demo identity switcher's storage key and Taro's H5 storage format. */
const IDENTITY_KEY = 'llw.demoIdentity';
const UNIT_ID = 'centre-yaotang';

/**
 * Reads a QR code image on the page back with jsQR (loaded into the page), as a phone would.
 * Passed as a string: the test runner's transpiler would wrap named helpers in a function the
 * page does not have.
 */
async function decodeQr(page: Page, selector: string): Promise<string | null> {
  await page.addScriptTag({ path: require.resolve('jsqr') });
  return page.evaluate(`(async () => {
    const img = document.querySelector(${JSON.stringify(selector)});
    if (!img) return null;
    if (img.decode) await img.decode();
    const side = 480;
    const canvas = document.createElement('canvas');
    canvas.width = side;
    canvas.height = side;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, side, side);
    ctx.drawImage(img, 0, 0, side, side);
    const found = window.jsQR(ctx.getImageData(0, 0, side, side).data, side, side);
    return found ? found.data : null;
  })()`);
}

async function actAs(page: Page, url: string, identity: string, hash: string): Promise<void> {
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key, JSON.stringify({ data: value })),
    [IDENTITY_KEY, identity],
  );
  await page.goto(`${url}#${hash}`);
  await page.reload();
}

export const organizerInvitesAndApproves: Journey = {
  name: 'organizer invites staff, who create and submit an event that the organizer approves',
  async run({ url, page, shot }) {
    const stamp = Date.now().toString(36).slice(-5).toUpperCase();
    const person = `尧塘中心 测试${stamp}`;
    const title = `终身学习体验课 ${stamp}`;
    const newcomer = `resident-e2e${stamp.toLowerCase()}`;

    // The organizer: 工作人员与邀请 → 工作人员 of the centre → 生成邀请.
    await page.goto(url);
    await actAs(page, url, 'organizer', '/organizer/dashboard/index');
    await page.locator('#setup-staff').click();
    await page.locator('.invite-form').waitFor();
    await page.locator('.invite-role .segmented__item', { hasText: '工作人员' }).click();
    await page.locator('.invite-form .unit-chooser__current').click();
    await page.locator(`#invite-unit-${UNIT_ID}`).click();
    await page.locator('input[placeholder="被邀请人姓名"]').fill(person);
    await shot('invite-form');
    await page.locator('.create-invite').click();
    const codeEl = page.locator('#invite-result .invite-result__code');
    await codeEl.waitFor();
    const code = (await codeEl.getAttribute('data-code')) ?? '';
    if (!/^[23456789A-HJ-NP-Z]{8}$/.test(code)) throw new Error(`an 8-character code should show, got: ${code}`);
    const shown = (await codeEl.innerText()).replace(/\s+/g, '');
    if (shown !== code) throw new Error(`the code should be shown as ${code}, got: ${shown}`);
    const qr = page.locator('#invite-result .checkin-qr');
    const qrText = (await qr.getAttribute('data-code')) ?? '';
    if (!qrText.endsWith(`#/pages/invite/index?code=${code}`)) {
      throw new Error(`the QR should carry the invitation page's address, got: ${qrText}`);
    }
    const scanned = await decodeQr(page, '#invite-result img.checkin-qr');
    if (scanned !== qrText) throw new Error(`the QR should scan as ${qrText}, got: ${scanned}`);
    await page.locator(`#invite-${code}`, { hasText: '待接受' }).waitFor();
    await codeEl.scrollIntoViewIfNeeded();
    await shot('invite-created');

    // A fresh resident accepts it on the invitation page.
    await actAs(page, url, newcomer, `/pages/invite/index?code=${code}`);
    await page.locator('.invite-code__value').waitFor();
    await shot('invite-page');
    await page.locator('.accept-button').click();
    await page.getByText('已接受邀请', { exact: true }).waitFor();
    await page.getByText(`您现在是工作人员：${person}`, { exact: true }).waitFor();
    await shot('invite-accepted');

    // Now staff: 活动管理 → 新建活动, on the week's last day.
    await page.locator('.go-events').click();
    await page.locator('.new-event').click();
    await page.locator('input[placeholder="活动名称"]').waitFor();
    const chips = page.locator('.day-chips .chip');
    const lastChip = chips.nth((await chips.count()) - 1);
    const day = ((await lastChip.getAttribute('id')) ?? '').replace(/^day-chip-/, '');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`the day chips should be the week's days, got: ${day}`);
    await lastChip.click();
    await page.locator(`#day-chip-${day}.chip--on`).waitFor();
    await page.locator('input[placeholder="活动名称"]').fill(title);
    await page.locator('textarea[placeholder="活动的形式和主要内容"]').fill('体验在线学习平台，现场答疑。');
    await page
      .locator('input[placeholder="例如：尧塘街道社区教育中心多功能教室"]')
      .fill('尧塘街道社区教育中心多功能教室');
    await page.locator('.chip', { hasText: '老年人' }).click();
    await page.locator('.save-event').scrollIntoViewIfNeeded();
    await shot('event-form');
    await page.locator('.save-event').click();

    // Back in 活动管理: the draft, submitted.
    const card = page.locator('.managed-event', { hasText: title });
    await card.waitFor();
    await card.locator('.badge', { hasText: '草稿' }).waitFor();
    await card.locator('.action-submit').click();
    await page.locator('.segmented__item', { hasText: '待审核' }).click();
    await card.locator('.badge', { hasText: '待审核' }).waitFor();
    await card.getByText('等待组织者审核', { exact: true }).waitFor();
    await shot('submitted');

    // The organizer approves it.
    await actAs(page, url, 'organizer', '/organizer/events/index');
    const review = page.locator('.managed-event', { hasText: title });
    await review.waitFor();
    await review.locator('.badge', { hasText: '待审核' }).waitFor();
    await shot('to-review');
    await review.locator('.action-approve').click();
    await review.locator('.badge', { hasText: '已发布' }).waitFor();
    await shot('approved');

    // The default resident finds it on its day, by its title.
    await actAs(page, url, 'resident', '/pages/index/index');
    await page.locator('.campaign__name').waitFor();
    await page.locator(`#day-${day}`).click();
    await page.locator(`#day-${day}.day-tab--active`).waitFor();
    await page.locator('input[placeholder="搜索活动"]').fill(title);
    await page.locator('.search__button').click();
    const found = page.locator('.event-card', { hasText: title });
    await found.waitFor();
    const text = await found.innerText();
    if (!text.includes('尧塘街道社区教育中心')) throw new Error(`the card should name the unit, got: ${text}`);
    await shot('resident-finds-it');
  },
};
