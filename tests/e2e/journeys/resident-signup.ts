/**
 * A resident opens the app, picks a day, opens an event with seats left, signs up with
 * name, phone, one companion and consent, and finds the sign-up in 我的报名.
 */
import type { Journey } from '../run';

export const residentSignsUp: Journey = {
  name: 'resident signs up and sees it in 我的报名',
  async run({ url, page, shot }) {
    await page.goto(url);
    await page.locator('.campaign__name').waitFor();
    await page.locator('.event-card').first().waitFor();
    await shot('week');

    const secondDay = page.locator('.day-tab').nth(1);
    const dayLabel = (await secondDay.locator('.day-tab__date').innerText()).trim();
    await secondDay.click();
    await page.locator('.day-tab--active', { hasText: dayLabel }).waitFor();
    await page.locator('.event-card').first().waitFor();
    await shot('day-selected');

    const card = page.locator('.event-card', { hasText: '余位' }).first();
    const title = (await card.locator('.event-card__title').innerText()).trim();
    await card.click();
    await page.locator('.detail__title', { hasText: title }).waitFor();
    await shot('event');

    await page.locator('.signup-button').click();
    await page.locator('input[placeholder="请输入姓名"]').waitFor();
    await page.locator('input[placeholder="请输入姓名"]').fill('王秀英');
    await page.locator('input[placeholder="请输入手机号"]').fill('13912345678');
    await page.getByText('我已阅读并同意', { exact: false }).first().click();
    await shot('form-filled');
    await page.getByText('提交报名', { exact: true }).click();
    await page.getByText('报名成功', { exact: false }).first().waitFor();
    await shot('signed-up');

    await page.getByText('查看我的报名', { exact: true }).click();
    const mine = page.locator('.registration-card', { hasText: title }).first();
    await mine.waitFor();
    await mine.getByText('已报名', { exact: false }).first().waitFor();
    const text = await mine.innerText();
    if (!text.includes('139****5678')) throw new Error(`我的报名 should show the masked phone, got: ${text}`);
    await shot('mine');
  },
};
