/**
 * Issue #18's layout items at 360 and 430 px wide, each in 标准 and 大字 mode, with a screenshot
 * of each page in each variant: the forms page's 保存 / 导出 Excel (wide, one line), the tables'
 * first column kept in view, the home page (演示数据 clear of the title, 搜索 on screen, 大字 tab
 * bar), an event opened from the home page with the title bar and 返回, the door's refusal card for an unknown code; on every
 * page no sideways scroll of the page itself and no axe-core (WCAG 2.1 A/AA) violation.
 */
import type { Page } from 'playwright-core';
import { axeViolations } from '../axe';
import type { Journey } from '../run';
import { api } from './a11y-sweep';
import {
  as,
  expectFormButtons,
  expectHomeFits,
  expectNoSidewaysScroll,
  expectStickyFirstColumn,
  expectTitleBarBack,
  expectUnknownCodeCard,
  open,
  type FontScale,
  UNIT_ID,
  UNIT_NAME,
} from './layout-checks';

const WIDTHS = [360, 430];
const SCALES: FontScale[] = ['normal', 'large'];

/** Layout and axe checks every page gets; collects failures rather than stopping at the first. */
async function pageChecks(page: Page, where: string, failures: string[]): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.state--loading'), undefined, { timeout: 10_000 });
  await expectNoSidewaysScroll(page, where).catch((e: Error) => failures.push(e.message));
  for (const line of await axeViolations(page)) failures.push(`${where}: ${line}`);
}

async function step(failures: string[], where: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    failures.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const viewportSweep: Journey = {
  name: 'newcomer: viewports — forms, tables, home, title bar and door at 360/430 px in 标准 and 大字',
  async run({ url, page, shot }) {
    const staffEvents = await api<{ events: { id: string }[] }>(url, 'staff', 'staff.events', {}, 'staff');
    const staffEventId = staffEvents.events[0]?.id;
    if (!staffEventId) throw new Error('the demo staff should have events');
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

        await as(page, url, 'staff', scale);
        await step(failures, `${v} 签到`, async () => {
          await open(page, url, `staff/scan/index?eventId=${staffEventId}`);
          await expectUnknownCodeCard(page);
          await pageChecks(page, `${v} 签到`, failures);
        });
        await shot(`${v}-door-unknown-code`);
      }
    }
    if (failures.length) throw new Error(`${failures.length} layout failures:\n  ${failures.join('\n  ')}`);
  },
};
