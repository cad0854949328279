/**
 * 上报 end to end: 常州市教育局 publishes a task from 常州's preset (方案 + 活动项目安排表) to its
 * districts; 金坛区 and 武进区 organizers (different identities) submit; the city returns 金坛's
 * with a reason, 金坛 resubmits, the city approves both; the tracker shows the states and rates;
 * the .zip is downloaded and its 汇总表 read back with exceljs. (A late submission needs time to
 * pass after a deadline, which a browser run against the live clock cannot do: the backend
 * tests cover 逾期提交 with a controlled clock.)
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { dayOf } from '../../../backend/core/time';
import type { Journey } from '../run';

const IDENTITY_KEY = 'llw.demoIdentity';
const PLAN = '本区启动仪式定于活动周首日在区市民广场举行，实施方案明确各街道镇社区教育中心的分工。'.repeat(8);

async function actAs(page: Page, url: string, identity: string): Promise<void> {
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key, JSON.stringify({ data: value })),
    [IDENTITY_KEY, identity],
  );
  await page.goto(`${url}#/organizer/reports/index`);
  await page.reload();
}

async function submitAs(page: Page, url: string, identity: string, title: string): Promise<void> {
  await actAs(page, url, identity);
  await page.getByRole('tab', { name: '上级下发的' }).click();
  await page.locator('.report-row__title', { hasText: title }).first().click();
  await page.locator('#report-text-plan textarea, textarea#report-text-plan').first().fill(PLAN);
  await page.locator('.report-send').click();
  await page.locator('.report-submit .report-note', { hasText: '已上报' }).waitFor();
}

export const reportingChain: Journey = {
  name: '上报: a city task answered by two districts, returned, resubmitted, approved, downloaded',
  async run({ url, page, shot }) {
    await page.goto(url);
    await actAs(page, url, 'city-organizer');
    await page.locator('.segmented__item', { hasText: '002 常州市：启动仪式方案' }).click();
    await page.locator('#report-deadline').fill(dayOf(Date.now()));
    await page.locator('#report-publish').click();
    await page.locator('.report-create__result', { hasText: '已发布' }).waitFor();
    const title = '启动仪式方案、实施方案和活动项目安排表';
    await shot('published');

    await submitAs(page, url, 'organizer', title);
    await shot('jintan-submitted');
    await submitAs(page, url, 'district2-organizer', title);

    await actAs(page, url, 'city-organizer');
    await page.locator('.report-row__title', { hasText: title }).first().click();
    await page.locator('#report-row-jintan .report-row__state', { hasText: '已提交' }).waitFor();
    await page.locator('#report-completeness', { hasText: '100%' }).waitFor();
    await page.locator('#report-reason textarea, textarea#report-reason').first().fill('请补充启动仪式的时间安排');
    await page.locator('#report-row-jintan .report-return').click();
    await page.locator('#report-row-jintan .report-row__state', { hasText: '已退回' }).waitFor();
    await page.locator('#report-completeness', { hasText: '50%' }).waitFor();
    await shot('returned');

    await submitAs(page, url, 'organizer', title);

    await actAs(page, url, 'city-organizer');
    await page.locator('.report-row__title', { hasText: title }).first().click();
    await page.locator('#report-row-wujin .report-approve').click();
    await page.locator('#report-row-wujin .report-row__state', { hasText: '已通过' }).waitFor();
    await page.locator('#report-row-jintan .report-row__state', { hasText: '已提交' }).waitFor();
    await page.locator('#report-row-jintan .report-row__meta', { hasText: '提交 2 次' }).waitFor();
    await page.locator('#report-completeness', { hasText: '100%' }).waitFor();
    await page.locator('#report-ontime', { hasText: '100%' }).waitFor();
    await shot('tracker');

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
    if (line('常州市金坛区') !== '常州市金坛区|已提交|2') throw new Error(`金坛 row: ${line('常州市金坛区')}`);
    if (line('常州市武进区') !== '常州市武进区|已通过|1') throw new Error(`武进 row: ${line('常州市武进区')}`);
  },
};
