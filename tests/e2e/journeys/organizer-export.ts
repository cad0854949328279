/**
 * 统计报表 → F1 for 尧塘街道社区教育中心 → 导出 Excel: the browser downloads an .xlsx; read back
 * with exceljs, it carries the form's title (as the page shows it) and a 合计 row. Then 导入活动安排表
 * with a sheet whose only row lacks its venue: the file is uploaded (POST /api/_upload), the
 * `exports` function reads it by id and the page reports the bad row by its number.
 */
import ExcelJS from 'exceljs';
import type { Journey } from '../run';

const IDENTITY_KEY = 'llw.demoIdentity';
const UNIT_ID = 'centre-yaotang';
const UNIT = '尧塘街道社区教育中心';

const squash = (text: string) => text.replace(/\s+/g, '');

export const organizerExportsF1: Journey = {
  name: 'organizer exports F1 of a unit as .xlsx',
  async run({ url, page, shot }) {
    await page.goto(url);
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key, JSON.stringify({ data: value })),
      [IDENTITY_KEY, 'organizer'],
    );
    await page.goto(`${url}#/organizer/forms/index`);
    await page.reload();
    await page.getByText('F1 启动周统计表', { exact: true }).click();
    await page.locator('.unit-chooser__current').click();
    await page.locator(`#unit-${UNIT_ID}`).click();
    await page.locator('.unit-chooser__name', { hasText: UNIT }).waitFor();
    await page.locator('#paper-F1 .paper__text', { hasText: UNIT }).waitFor();
    await page.locator('#table-F1-total').waitFor();
    const title = (await page.locator('#paper-F1 .paper__title').innerText()).trim();
    await shot('f1-preview');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-form').click()]);
    const name = download.suggestedFilename();
    if (!name.endsWith('.xlsx')) throw new Error(`the download should be an .xlsx, got: ${name}`);
    const file = await download.path();
    if (!file) throw new Error('the download did not complete');
    await page.locator('#form-notice', { hasText: '已开始下载' }).waitFor();
    await shot('exported');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('the workbook has no sheet');
    const texts: string[] = [];
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      // exceljs's `text` throws on an empty cell merged into another: read those as ''.
      row.eachCell((cell) => cells.push(cell.value === null ? '' : cell.text));
      rows.push(cells);
      texts.push(...cells);
    });
    if (!texts.some((t) => squash(t) === squash(title))) {
      throw new Error(`the workbook should carry the title “${title}”; first cells: ${texts.slice(0, 3).join(' | ')}`);
    }
    if (!texts.some((t) => t.includes(UNIT))) throw new Error(`the workbook should name ${UNIT}`);
    const total = rows.find((cells) => cells.some((t) => t.trim() === '合计'));
    if (!total) throw new Error('the workbook should have a 合计 row');
    const totalPage = (await page.locator('#table-F1-total .counted__value').innerText()).trim();
    if (!total.some((t) => t.trim() === totalPage)) {
      throw new Error(`合计 should equal the page's ${totalPage}; the row reads: ${total.join(' | ')}`);
    }

    const schedule = new ExcelJS.Workbook();
    const ws = schedule.addWorksheet('安排表');
    ws.addRow(['活动项目安排表']);
    ws.addRow(['活动项目', '活动形式与内容', '参加人数', '活动地点', '活动时间']);
    ws.addRow(['没有地点的活动', '讲座', 20, '', '11月15日 9:00-11:00']);
    const buffer = Buffer.from(await schedule.xlsx.writeBuffer());
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#import-schedule').click()]);
    await chooser.setFiles({
      name: '安排表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    const report = page.locator('#import-report');
    await report.locator('.report__title', { hasText: '新建 0 项活动，跳过 0 行，有问题 1 行' }).waitFor();
    await report.locator('.report__line--problem', { hasText: '第 3 行' }).waitFor();
    await shot('imported');
  },
};
