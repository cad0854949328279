/**
 * 上报 end to end: 常州市教育局 publishes 常州's 活动总结 preset (总结 ≥ 300 字 + 5 photos with
 * captions, due 10月31日) to its districts, keeping the notice's date; 武进区 and 金坛区 organizers
 * (different identities) each write the summary and upload five photos from the browser (resized
 * on a canvas, uploaded to /api/_upload, measured by the backend) after that date, so both come
 * in as 逾期提交; the city returns 金坛's with a reason, 金坛 resubmits, the city approves it; the
 * tracker shows 逾期提交 and 已通过 with the completeness and on-time rates; the city opens a
 * photo by its temporary link, sees its districts on 下级汇总, downloads the .zip and reads its
 * 汇总表 back with exceljs and finds the photos' bytes in it. (An on-time and a late submission
 * to the same task need the clock to pass a deadline between them, which a run against the live
 * clock cannot do: tests/reporting/tasks.test.ts covers that with a controlled clock.)
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { pngOf } from '../../support/media';
import type { Journey } from '../run';

const IDENTITY_KEY = 'llw.demoIdentity';
const SUMMARY = '本区活动周以“学习成就梦想”为主题，各街道镇社区教育中心联动开展讲座、展演和体验活动，'.repeat(8);
const TITLE = '活动总结';
const PHOTOS = [1, 2, 3, 4, 5].map((n) => ({
  name: `现场${n}.png`,
  mimeType: 'image/png',
  buffer: Buffer.from(pngOf(1600, 900, [30 * n, 120, 200])),
}));

async function actAs(page: Page, url: string, identity: string): Promise<void> {
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key, JSON.stringify({ data: value })),
    [IDENTITY_KEY, identity],
  );
  await page.goto(`${url}#/organizer/reports/index`);
  await page.reload();
}

async function submitAs(page: Page, url: string, identity: string): Promise<void> {
  await actAs(page, url, identity);
  await page.getByRole('tab', { name: '上级下发的' }).click();
  await page.locator('.report-row__title', { hasText: TITLE }).first().click();
  await page.locator('#report-text-summary textarea, textarea#report-text-summary').first().fill(SUMMARY);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.report-pick-photos').click()]);
  await chooser.setFiles(PHOTOS);
  await page.locator('.report-note', { hasText: '已上传 5 个文件' }).waitFor();
  const captions = page.locator('.report-caption input, input.report-caption');
  for (let i = 0; i < 5; i += 1) await captions.nth(i).fill(`活动现场 ${i + 1}`);
  await page.locator('.report-send').click();
  await page.locator('.report-submit .report-note', { hasText: '已上报' }).waitFor();
}

export const reportingChain: Journey = {
  name: '上报: a city task answered late by two districts with photos, returned, resubmitted, approved, downloaded',
  async run({ url, page, shot }) {
    await page.goto(url);
    await actAs(page, url, 'city-organizer');
    await page.locator('.segmented__item', { hasText: '002 常州市：活动总结' }).click();
    await page.locator('#report-publish').click();
    await page.locator('.report-create__result', { hasText: '已发布' }).waitFor();
    await shot('published');

    await submitAs(page, url, 'district2-organizer');
    await shot('wujin-submitted-with-photos');
    await submitAs(page, url, 'organizer');

    await actAs(page, url, 'city-organizer');
    await page.locator('.report-row__title', { hasText: TITLE }).first().click();
    await page.locator('#report-row-wujin .report-row__state', { hasText: '逾期提交' }).waitFor();
    await page.locator('#report-row-jintan .report-row__state', { hasText: '逾期提交' }).waitFor();
    await page.locator('#report-completeness', { hasText: '100%' }).waitFor();
    await page.locator('#report-reason textarea, textarea#report-reason').first().fill('请补充活动照片的说明');
    await page.locator('#report-row-jintan .report-return').click();
    await page.locator('#report-row-jintan .report-row__state', { hasText: '已退回' }).waitFor();
    await page.locator('#report-completeness', { hasText: '50%' }).waitFor();
    await shot('returned');

    await submitAs(page, url, 'organizer');

    await actAs(page, url, 'city-organizer');
    await page.locator('.report-row__title', { hasText: TITLE }).first().click();
    await page.locator('#report-row-jintan .report-approve').click();
    await page.locator('#report-row-jintan .report-row__state', { hasText: '已通过' }).waitFor();
    await page.locator('#report-row-jintan .report-row__meta', { hasText: '提交 2 次' }).waitFor();
    await page.locator('#report-row-wujin .report-row__state', { hasText: '逾期提交' }).waitFor();
    await page.locator('#report-completeness', { hasText: '100%' }).waitFor();
    await page.locator('#report-ontime', { hasText: '0%' }).waitFor();
    await shot('tracker');

    // One photo of 武进's, by its temporary link (only 武进 and the levels above get one).
    await page.locator('#report-row-wujin .report-files').click();
    const [photo] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#report-row-wujin .report-file-open', { hasText: '活动现场 1' }).click(),
    ]);
    const photoPath = await photo.path();
    const photoBytes = photoPath ? readFileSync(photoPath) : Buffer.alloc(0);
    if (photoBytes[0] !== 0xff || photoBytes[1] !== 0xd8) throw new Error('the photo link did not give the JPEG');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.report-download').click()]);
    if (!download.suggestedFilename().endsWith('.zip'))
      throw new Error(`expected a .zip, got ${download.suggestedFilename()}`);
    const file = await download.path();
    if (!file) throw new Error('the download did not complete');
    const zip = unzipSync(readFileSync(file));
    if (!zip['汇总表.xlsx']) throw new Error(`the .zip has no 汇总表.xlsx: ${Object.keys(zip).join(', ')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(zip['汇总表.xlsx']) as never);
    const ws = wb.getWorksheet('汇总表');
    if (!ws) throw new Error('no 汇总表 sheet');
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push([1, 2, 3].map((c) => String(row.getCell(c).value ?? ''))));
    const line = (name: string) => rows.find((r) => r[0] === name)?.join('|');
    if (line('常州市金坛区') !== '常州市金坛区|已通过|2') throw new Error(`金坛 row: ${line('常州市金坛区')}`);
    if (line('常州市武进区') !== '常州市武进区|逾期提交|1') throw new Error(`武进 row: ${line('常州市武进区')}`);
    // The photos themselves, organised by org: five resized JPEGs (at most 1920 px) per district.
    for (const org of ['常州市金坛区', '常州市武进区']) {
      const photos = Object.keys(zip).filter((k) => k.startsWith(`${org}/活动照片5张/照片/`));
      if (photos.length !== 5) throw new Error(`${org} photos in the .zip: ${photos.join(', ')}`);
      if (zip[photos[0]][0] !== 0xff) throw new Error(`${org}'s photo is not a JPEG`);
    }

    // The city's own page broken down by its districts, drillable.
    await page.goto(`${url}#/organizer/levels/index`);
    await page.locator('#level-jintan .report-row__title', { hasText: '金坛区' }).waitFor();
    await page.locator('#levels-total-figures').waitFor();
    await shot('levels');
    await page.locator('#level-jintan').click();
    await page.locator('.org-header__title', { hasText: '金坛区' }).waitFor();
  },
};
