/**
 * Issue #18's items at 360 and 430 px wide, each in 标准 and 大字 mode, with a screenshot of each
 * page in each variant: the forms page's 保存 / 导出 Excel (wide, one line), the tables' first
 * column kept in view, the home page (演示数据 clear of the title, 搜索 on screen, 大字 tab bar)
 * and its whole-week search, an event opened from the home page with the title bar and 返回, the
 * cancel dialog on 我的报名 (大字: large, not grey), 未登录访客 offered a way to log in, the door's
 * refusal card for an unknown code, the staff pages reached from 工作人员入口 with their title bar
 * and 返回, the roster's status filter and its walk-ins, and 筹备日志 naming what it logs (no
 * internal ids); on every page no sideways scroll of the page itself and no axe-core (WCAG 2.1
 * A/AA) violation. What the checks need is made first (newcomer world below).
 */
import type { Page } from 'playwright-core';
import { dayLabel, dayOf } from '../../../backend/core/time';
import { axeViolations } from '../axe';
import type { Journey } from '../run';
import { api } from './a11y-sweep';
import {
  as,
  expectAuditNames,
  expectCancelDialog,
  expectFormButtons,
  expectHomeFits,
  expectNoSidewaysScroll,
  expectRosterFilters,
  expectStickyFirstColumn,
  expectTitleBarBack,
  expectTitled,
  expectUnknownCodeCard,
  expectVisitorCanLogIn,
  expectWholeWeekSearch,
  open,
  type FontScale,
  UNIT_ID,
  UNIT_NAME,
} from './layout-checks';
import { auditedEvent } from './newcomer';
import { activityStartingIn } from './self-checkin';

const WIDTHS = [360, 430];
const SCALES: FontScale[] = ['normal', 'large'];

/** Layout and axe checks every page gets; collects failures rather than stopping at the first. */
async function pageChecks(page: Page, where: string, failures: string[]): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.state--loading'), undefined, { timeout: 10_000 });
  await expectNoSidewaysScroll(page, where).catch((e: Error) => failures.push(e.message));
  for (const line of await axeViolations(page)) failures.push(`${where}: ${line}`);
}

/**
 * An activity of the demo staff's centre starting in 20 minutes (the demo week lies ahead, the
 * door is closed there) with a resident signed up (her cancel dialog), another checked in by hand
 * and a walk-in (the roster's filters), and an audited change (筹备日志).
 */
async function newcomerWorld(url: string): Promise<{ eventId: string; resident: string; auditedTitle: string }> {
  const tag = Date.now().toString(36);
  const eventId = `sweep-${tag}`;
  await activityStartingIn(eventId, 20);
  const signUp = (who: string, name: string, phone: string) =>
    api<{ registration: { id: string } }>(
      url,
      'resident',
      'signup.create',
      { eventId, name, phone, companions: 0, consent: true },
      who,
    );
  const resident = `resident-vs${tag}`;
  await signUp(resident, '王秀英', `1381${String(Date.now()).slice(-7)}`);
  const other = await signUp(`resident-vt${tag}`, '李建国', `1382${String(Date.now()).slice(-7)}`);
  const door = { eventId, deviceId: `sweep-${tag}` };
  await api(
    url,
    'staff',
    'checkin.manual',
    { ...door, scanId: `sweep-m-${tag}`, registrationId: other.registration.id },
    'staff',
  );
  await api(
    url,
    'staff',
    'checkin.walkin',
    { ...door, scanId: `sweep-w-${tag}`, name: '钱阿婆', companions: 1 },
    'staff',
  );
  const audited = await auditedEvent(url);
  return { eventId, resident, auditedTitle: audited.title };
}

async function step(failures: string[], where: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    failures.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const viewportSweep: Journey = {
  name: 'newcomer: viewports — every item of #18 at 360/430 px in 标准 and 大字',
  async run({ url, page, shot }) {
    const staffEvents = await api<{ events: { id: string; day: string }[] }>(url, 'staff', 'staff.events', {}, 'staff');
    // One of the demo week's (the activities other journeys add happen today, outside its tabs).
    const staffEvent = staffEvents.events.find((e) => e.day !== dayOf(Date.now()));
    if (!staffEvent) throw new Error('the demo staff should have events');
    const staffEventId = staffEvent.id;
    const world = await newcomerWorld(url);
    const failures: string[] = [];
    for (const width of WIDTHS) {
      for (const scale of SCALES) {
        const v = `${width}-${scale}`;
        await page.setViewportSize({ width, height: 800 });

        await as(page, url, 'organizer', scale);
        await step(failures, `${v} 统计报表`, async () => {
          await open(page, url, 'organizer/forms/index');
          await page.locator(`.page.theme-${scale}`).first().waitFor();
          await page.getByText('F1 启动周统计表', { exact: true }).click();
          const chosen = page.locator('.unit-chooser__name', { hasText: UNIT_NAME });
          if ((await chosen.count()) === 0) {
            await page.locator('.unit-chooser__current').click();
            await page.locator(`#unit-${UNIT_ID}`).click();
          }
          await page.locator('#paper-F1').waitFor();
          await expectFormButtons(page, 64);
          await pageChecks(page, `${v} 统计报表`, failures);
          await page.locator('#export-form').scrollIntoViewIfNeeded();
        });
        await shot(`${v}-forms`);
        await step(failures, `${v} 数据看板`, async () => {
          await open(page, url, 'organizer/dashboard/index');
          await expectStickyFirstColumn(page);
          await pageChecks(page, `${v} 数据看板`, failures);
          await page.locator('.table-scroll').first().scrollIntoViewIfNeeded();
        });
        await shot(`${v}-dashboard-table`);
        await step(failures, `${v} 筹备日志`, async () => {
          await open(page, url, 'organizer/audit/index');
          await expectAuditNames(page, world.auditedTitle);
          await pageChecks(page, `${v} 筹备日志`, failures);
        });
        await shot(`${v}-audit-names`);

        await as(page, url, 'resident', scale);
        await step(failures, `${v} 首页`, async () => {
          await open(page, url, 'pages/index/index');
          await page.locator(`.home.theme-${scale}`).waitFor();
          await page.locator('.event-card').first().waitFor();
          await expectHomeFits(page, width, scale);
          await pageChecks(page, `${v} 首页`, failures);
        });
        await shot(`${v}-home`);
        await step(failures, `${v} 活动详情`, async () => {
          // Reached from the home page, as a resident does (a page opened by its address has no back).
          await page.locator('.event-card').first().click();
          await page.locator('.detail__title').waitFor();
          await expectTitleBarBack(page, width);
          await pageChecks(page, `${v} 活动详情`, failures);
        });
        await shot(`${v}-event-title-bar`);
        await step(failures, `${v} 全周搜索`, async () => {
          await open(page, url, 'pages/index/index');
          await page.locator('.event-card').first().waitFor();
          await expectWholeWeekSearch(page);
          await expectHomeFits(page, width, scale);
          await pageChecks(page, `${v} 全周搜索`, failures);
        });
        await shot(`${v}-whole-week-search`);

        await as(page, url, world.resident, scale);
        await step(failures, `${v} 取消报名`, async () => {
          await open(page, url, 'pages/mine/index');
          await expectCancelDialog(page, width, scale);
        });
        await shot(`${v}-cancel-dialog`);
        await page
          .locator('.taro-model__cancel')
          .click({ timeout: 2000 })
          .catch(() => undefined);

        await as(page, url, 'anonymous', scale);
        await step(failures, `${v} 未登录访客`, async () => {
          await open(page, url, 'pages/mine/index');
          await expectVisitorCanLogIn(page, width);
          await pageChecks(page, `${v} 未登录访客`, failures);
        });
        await shot(`${v}-visitor-log-in`);

        await as(page, url, 'staff', scale);
        await step(failures, `${v} 签到`, async () => {
          await open(page, url, `staff/scan/index?eventId=${staffEventId}`);
          await expectUnknownCodeCard(page);
          await pageChecks(page, `${v} 签到`, failures);
        });
        await shot(`${v}-door-unknown-code`);
        await step(failures, `${v} 工作人员入口`, async () => {
          // Reached from 我的报名 as staff do: each staff page has its title bar and 返回.
          await open(page, url, 'pages/mine/index');
          await page.getByRole('link', { name: /^工作人员入口/ }).click();
          await expectTitled(page, width, '现场签到');
          await page
            .locator('.day-tab', { hasText: dayLabel(staffEvent.day) })
            .first()
            .click();
          await page.locator(`#staff-event-${staffEventId} .staff-event__roster`).click();
          await expectTitled(page, width, '签到名单');
          await pageChecks(page, `${v} 签到名单`, failures);
        });
        await shot(`${v}-staff-title-bar`);
        await step(failures, `${v} 返回`, async () => {
          await page.locator('.taro-navigation-bar-back').click();
          await page.locator('.staff-events').waitFor();
        });
        await step(failures, `${v} 名单筛选`, async () => {
          await open(page, url, `staff/roster/index?eventId=${world.eventId}`);
          await expectRosterFilters(page, width);
          await pageChecks(page, `${v} 名单筛选`, failures);
          await page.locator('#walkin-list').scrollIntoViewIfNeeded();
        });
        await shot(`${v}-roster-walkins`);
      }
    }
    if (failures.length) throw new Error(`${failures.length} layout failures:\n  ${failures.join('\n  ')}`);
  },
};
