/**
 * Issue #18, a custom sign-up question reaching the roster and the registrant export: the unit's
 * staff add 年龄段 and a question of their own to their event in the editor (360 px), a resident
 * is asked both on the sign-up form (a missing required answer is refused beside the question),
 * answers, and the door roster and the registrant list (.xlsx read back) show the answers.
 * At the door (an activity starting in 20 minutes, added to the demo store), a walk-in registered by
 * staff answers the same questions, every one optional there; the roster shows the walk-in's answers
 * and the attendance export (.xlsx read back) carries them in its 报名信息 column.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { EventView, ManagedEventView } from '../../../types/api';
import type { Journey } from '../run';
import { presetQuestion } from '../../../backend/core/signup-questions';
import { api } from './a11y-sweep';
import { activityStartingIn } from './self-checkin';

const IDENTITY_KEY = 'llw.demoIdentity';
const OWN_QUESTION = '想学的手机功能';

async function actAs(page: Page, url: string, identity: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(([k, v]) => localStorage.setItem(k, JSON.stringify({ data: v })), [IDENTITY_KEY, identity]);
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

/** The rows of a downloaded workbook's sheet as text (the registrant list by default). */
export async function sheetRows(file: string | Buffer, name = '报名名单'): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  if (typeof file === 'string') await workbook.xlsx.readFile(file);
  else await workbook.xlsx.load(file as never);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`the workbook should have a ${name} sheet`);
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.value === null ? '' : cell.text));
    rows.push(cells);
  });
  return rows;
}

export const signupQuestionJourney: Journey = {
  name: 'sign-up question: the unit adds 年龄段 and its own question, the answer reaches the roster and the export',
  async run({ url, page, shot }) {
    const { events } = await api<{ events: ManagedEventView[] }>(url, 'organizer', 'events.managed', {}, 'staff');
    const event = events.find(
      (e) =>
        e.status === 'approved' &&
        e.mode === 'offline' &&
        e.signupOpen &&
        (e.seatsLeft ?? 9) > 2 &&
        !(e.questions ?? []).length,
    );
    if (!event) throw new Error('the staff unit should have a published event taking sign-ups');

    await page.setViewportSize({ width: 360, height: 780 });
    await actAs(page, url, 'staff');
    await page.goto(`${url}#/organizer/event-edit/index?id=${event.id}`);
    await page.reload();
    await page.locator('#questions-section').waitFor();
    await page.locator('.add-question-age').click();
    await page.locator('.add-question-free').click();
    await page.locator('#question-row-q1 input.question-row__input').fill(OWN_QUESTION);
    await page.locator('#questions-section').scrollIntoViewIfNeeded();
    await shot('editor-questions-360');
    await page.locator('.save-event').click();
    await page
      .waitForFunction(() => !location.hash.includes('event-edit'), undefined, { timeout: 10_000 })
      .catch(async () => {
        const errors = await page.locator('.form-row__error, .form-error-box').allInnerTexts();
        throw new Error(`the editor did not save: ${errors.join(' | ')}`);
      });
    const saved = await api<{ event: EventView }>(url, 'resident', 'event.get', { eventId: event.id }, 'resident');
    check(
      (saved.event.questions ?? []).map((q) => q.label).join(',') === `年龄段,${OWN_QUESTION}`,
      `the event should ask 年龄段 and ${OWN_QUESTION}: ${JSON.stringify(saved.event.questions)}`,
    );

    const resident = `resident-sq${Date.now().toString(36)}`;
    const phone = `1365${String(Date.now()).slice(-7)}`;
    await actAs(page, url, resident);
    await page.goto(`${url}#/pages/signup/index?id=${event.id}`);
    await page.reload();
    await page.locator('#question-age').waitFor();
    await page.locator('input[placeholder="请输入姓名"]').fill('周桂兰');
    await page.locator('input[placeholder="请输入手机号"]').fill(phone);
    await page.getByText('我已阅读并同意', { exact: false }).first().click();
    await page.getByText('提交报名', { exact: true }).click();
    await page.locator('#question-age .form-item__error', { hasText: '请回答：年龄段' }).waitFor();
    await shot('signup-question-required');
    await page.locator('#question-age').getByRole('radio', { name: '60岁及以上' }).click();
    await page.locator(`input[placeholder="请填写${OWN_QUESTION}"]`).fill('视频通话');
    await shot('signup-questions-answered');
    await page.getByText('提交报名', { exact: true }).click();
    await page
      .getByText(/报名成功|已进入候补/)
      .first()
      .waitFor();

    await actAs(page, url, 'staff');
    await page.goto(`${url}#/staff/roster/index?eventId=${event.id}`);
    await page.reload();
    const line = page.locator('.roster-entry__answers', { hasText: `年龄段：60岁及以上 · ${OWN_QUESTION}：视频通话` });
    await line.waitFor();
    await line.scrollIntoViewIfNeeded();
    await shot('roster-answers');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.registrants-export').click()]);
    const file = await download.path();
    if (!file) throw new Error('the download did not complete');
    const rows = await sheetRows(file);
    const header = rows[1];
    const age = header.indexOf('年龄段');
    const own = header.indexOf(OWN_QUESTION);
    check(age > 0 && own > age, `the header should end with the questions: ${header.join(',')}`);
    const mine = rows.find((r) => r[1] === '周桂兰');
    check(
      !!mine && mine[age] === '60岁及以上' && mine[own] === '视频通话',
      `周桂兰's line should carry her answers: ${mine?.join(',')}`,
    );
  },
};

export const walkinQuestionJourney: Journey = {
  name: 'sign-up question: a walk-in at the door answers them, the roster and the attendance export show it',
  async run({ url, page, shot }) {
    const eventId = `walkin-q-${Date.now().toString(36)}`;
    await activityStartingIn(eventId, 20, [presetQuestion('age', []), presetQuestion('community', [])]);

    await page.setViewportSize({ width: 360, height: 780 });
    await actAs(page, url, 'staff');
    await page.goto(`${url}#/staff/walkin/index?eventId=${eventId}`);
    await page.reload();
    await page.locator('#question-age').waitFor();
    check(
      (await page.locator('#question-age .form-item__label').innerText()).includes('（选填）'),
      'at the door 年龄段 should be optional',
    );
    await page.locator('input[placeholder="请输入姓名"]').fill('钱阿婆');
    await page.locator('#question-age').getByRole('radio', { name: '60岁及以上' }).click();
    await page.locator('input[placeholder="请填写所在村/社区"]').fill('谢桥村');
    await shot('walkin-questions-answered-360');
    await page.locator('.walkin-submit').click();
    await page.getByText('现场登记成功', { exact: true }).waitFor();
    await shot('walkin-registered');

    await page.goto(`${url}#/staff/roster/index?eventId=${eventId}`);
    await page.reload();
    const line = page.locator('#walkin-list .roster-entry__answers', {
      hasText: '年龄段：60岁及以上 · 所在村/社区：谢桥村',
    });
    await line.waitFor();
    check((await page.locator('#walkin-list').innerText()).includes('钱*婆'), 'the walk-in should be listed, masked');
    await line.scrollIntoViewIfNeeded();
    await shot('roster-walkin-answers');

    const file = await api<{ url: string }>(url, 'exports', 'attendance.export', { eventId }, 'staff');
    const res = await fetch(new URL(file.url, url));
    check(res.ok, `the attendance export should download: ${res.status}`);
    const rows = await sheetRows(Buffer.from(await res.arrayBuffer()), '签到明细');
    const header = rows[1];
    const method = header.indexOf('方式');
    const info = header.indexOf('报名信息');
    const walkin = rows.find((r) => r[method] === '现场登记');
    check(
      !!walkin && walkin[info] === '年龄段：60岁及以上；所在村/社区：谢桥村',
      `the walk-in's line should carry the answers: ${walkin?.join(',')} (header ${header.join(',')})`,
    );
  },
};
