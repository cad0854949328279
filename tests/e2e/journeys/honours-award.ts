/**
 * 评选: 尧塘街道社区教育中心 nominates a 学习之星 with a photo and the nominee's consent, the
 * district (金坛区) recommends it, the city (常州市) approves it, and a resident sees the
 * published list with only what the nominee agreed to show. Then the district committee decides
 * the organisation award for a street and exports the decision list, read back with exceljs; and
 * the city committee (常州市) draws its satisfaction sample over the districts that joined its
 * week, sees one sheet per district with 人次 and 人 and the sampled figure, decides one, and
 * exports its own list.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { Journey } from '../run';

const IDENTITY_KEY = 'llw.demoIdentity';
const STORY = '王秀英退休后坚持在尧塘街道社区教育中心学习书法与智能手机使用，并担任志愿者辅导邻里老人。'.repeat(6);
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The rows below the header of the first sheet of a downloaded workbook. */
async function workbookRows(file: string): Promise<{ header: unknown[]; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 2) rows.push((row.values as unknown[]).slice(1));
  });
  return { header: (sheet.getRow(2).values as unknown[]).slice(1), rows };
}

async function as(page: Page, url: string, identity: string, path: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key, JSON.stringify({ data: value })),
    [IDENTITY_KEY, identity],
  );
  await page.goto(`${url}#${path}`);
  await page.reload();
}

export const honoursAndAward: Journey = {
  name: 'honours 评选: unit nominates 学习之星, district recommends, city approves, resident sees it; award list exported',
  async run({ url, page, shot }) {
    // The unit nominates.
    await as(page, url, 'staff', '/organizer/honours/index');
    const star = page.locator('#honour-kinds .link-row', { hasText: '学习之星' });
    await star.getByText('推荐', { exact: true }).click();
    await page.getByPlaceholder('被推荐对象（姓名或名称）').fill('王秀英');
    await page.getByPlaceholder('性别').fill('女');
    await page.getByPlaceholder('出生年份').fill('1958');
    await page.getByPlaceholder('职业').fill('退休教师');
    await page.getByPlaceholder('联系电话').fill('13912345678');
    await page.locator('#nomination-text textarea, textarea#nomination-text').first().fill(STORY);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#add-photo').click()]);
    await chooser.setFiles({ name: 'wang.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('#honours-notice', { hasText: '照片已上传' }).waitFor();
    await page.getByRole('checkbox', { name: '已取得被推荐人本人同意（签字申报表）' }).click();
    await page.getByRole('checkbox', { name: '职业' }).click();
    await shot('nomination-form');
    await page.locator('#save-nomination').click();
    await page.locator('#honours-notice', { hasText: '已保存推荐草稿' }).waitFor();
    await page.locator('[id^="submit-"]').first().click();
    await page.locator('#honours-notice', { hasText: '待审核' }).waitFor();
    await shot('submitted');

    // The district recommends it upward.
    await as(page, url, 'organizer', '/organizer/honours/index');
    await page.locator('[id^="recommend-"]').first().click();
    await page.locator('#honours-notice', { hasText: '已推荐上报' }).waitFor();
    await shot('recommended');

    // The city approves it.
    await as(page, url, 'city-organizer', '/organizer/honours/index');
    await page.locator('[id^="approve-"]').first().click();
    await page.locator('#honours-notice', { hasText: '已审定' }).waitFor();

    // A resident sees the published list: masked name, the agreed field, nothing else.
    await as(page, url, 'resident', '/pages/honours/index');
    const item = page.locator('.honour-item').first();
    await item.getByText('王*英', { exact: true }).waitFor();
    await item.getByText('职业：退休教师').waitFor();
    const shown = await page.locator('.honours-list-page').innerText();
    for (const secret of ['王秀英', '13912345678', '1958']) {
      if (shown.includes(secret)) throw new Error(`the published list should not show ${secret}`);
    }
    await shot('published');

    // The district committee decides the organisation award for a street and exports the list.
    await as(page, url, 'organizer', '/organizer/evaluation/index');
    const first = page.locator('.sheet-card').first();
    const street = (await first.locator('.sheet-card__title').innerText()).trim();
    await first.locator('[id$="-excellent"]').click();
    await page.locator('#evaluation-notice', { hasText: `${street}：优秀组织奖` }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-decisions').click()]);
    const file = await download.path();
    if (!file) throw new Error('the download did not complete');
    await shot('award-exported');
    const { header, rows } = await workbookRows(file);
    if (header[1] !== '单位' || header[header.length - 1] !== '评定结果') {
      throw new Error(`unexpected header: ${header.join(' | ')}`);
    }
    const decided = rows.find((r) => r[1] === street);
    if (!decided || decided[decided.length - 1] !== '优秀组织奖') {
      throw new Error(`the list should show ${street} as 优秀组织奖; got ${JSON.stringify(decided)}`);
    }

    // The city committee: a sample over its districts' attendees (武进区's week is over), one
    // sheet per district that joined its week, a decision, and its own list.
    await as(page, url, 'city-organizer', '/organizer/evaluation/index');
    await page.locator('#sheet-jintan').waitFor();
    await page.getByText('±10%', { exact: true }).click();
    await page.locator('#draw-sample').click();
    await page.locator('#evaluation-notice', { hasText: '已抽取' }).waitFor();
    const wujin = page.locator('#sheet-wujin');
    await wujin.getByText(/参与 \d+ 人次，\d+ 人/).waitFor();
    await wujin.getByText(/贴近百姓、效果显著：.*样本 \d+ 人/).waitFor();
    await wujin.locator('#submitted-wujin-leadership').waitFor();
    await shot('city-sheets');
    await page.locator('#decide-wujin-organisation').click();
    await page.locator('#evaluation-notice', { hasText: '常州市武进区：组织奖' }).waitFor();
    const [cityDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#export-decisions').click(),
    ]);
    const cityFile = await cityDownload.path();
    if (!cityFile) throw new Error('the city’s download did not complete');
    const city = await workbookRows(cityFile);
    const names = city.rows.map((r) => r[1]).sort();
    if (JSON.stringify(names) !== JSON.stringify(['常州市武进区', '常州市金坛区'].sort())) {
      throw new Error(`the city's list should hold its two districts; got ${JSON.stringify(names)}`);
    }
    const wujinRow = city.rows.find((r) => r[1] === '常州市武进区')!;
    if (wujinRow[wujinRow.length - 1] !== '组织奖' || wujinRow[9] === '未抽样') {
      throw new Error(`武进区 should be 组织奖 with its sample; got ${JSON.stringify(wujinRow)}`);
    }
  },
};
