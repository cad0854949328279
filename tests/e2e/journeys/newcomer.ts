/**
 * What a newcomer tripped over (issue #18), each as an assertion that failed before, at 360 px
 * (标准) and 430 px (大字) wide, with screenshots:
 * - 统计报表: 保存 / 导出 Excel are full-width buttons on one line; a message of F1 is gone on F2;
 *   the chosen unit survives a reload.
 * - tables keep their first column in view while scrolled sideways.
 * - 大字: the tab bar label is larger than 13.5 px, the 演示数据 badge does not cover the title, 搜索
 *   stays on screen, the cancel dialog's 再想想 is large and dark.
 * - at the door an unknown code is the big red card; the roster filters by status.
 * - sub-pages have a title bar with 返回; search covers the whole week; 未登录访客 can log in;
 *   the demo title names the year of its dates; the audit log shows names, not internal ids.
 */
import type { Journey } from '../run';
import { api } from './a11y-sweep';
import {
  as,
  check,
  expectAuditNames,
  expectCancelDialog,
  expectFormButtons,
  expectHomeFits,
  expectStickyFirstColumn,
  expectWholeTitle,
  expectUnknownCodeCard,
  expectVisitorCanLogIn,
  expectWholeWeekSearch,
  open,
  UNIT_ID,
} from './layout-checks';

export const newcomerForms: Journey = {
  name: 'newcomer: forms page buttons, messages and unit at 360 px; tables keep their first column',
  async run({ url, page, shot }) {
    await page.setViewportSize({ width: 360, height: 780 });
    await as(page, url, 'organizer');
    await open(page, url, 'organizer/forms/index');
    await page.getByText('F1 启动周统计表', { exact: true }).click();
    await page.locator('.unit-chooser__current').click();
    await page.locator(`#unit-${UNIT_ID}`).click();
    await page.locator('#paper-F1').waitFor();
    await expectFormButtons(page, 250);
    await Promise.all([page.waitForEvent('download'), page.locator('#export-form').click()]);
    await page.locator('#form-notice', { hasText: '已开始下载' }).waitFor();
    await page.locator('#export-form').scrollIntoViewIfNeeded();
    await shot('f1-exported-360');
    await page.getByText('F2 活动项目安排表', { exact: true }).click();
    await page.locator('#paper-F2').waitFor();
    check((await page.locator('#form-notice').count()) === 0, 'the F1 download message should be gone on F2');
    await page.reload();
    await page.locator('.unit-chooser__name', { hasText: '尧塘街道社区教育中心' }).waitFor();
    await shot('unit-kept-after-reload');

    // The dashboard's event table scrolled sideways keeps the event names in view.
    await open(page, url, 'organizer/dashboard/index');
    await expectStickyFirstColumn(page);
    const scroller = page.locator('.table-scroll').first();
    await scroller.scrollIntoViewIfNeeded();
    await shot('dashboard-table-scrolled-360');
  },
};

export const newcomerLargeFont: Journey = {
  name: 'newcomer: large-font mode at 430 px — badge, search, tab bar, cancel dialog',
  async run({ url, page, shot }) {
    await page.setViewportSize({ width: 430, height: 900 });
    await as(page, url, `resident-nc${Date.now().toString(36)}`, 'large');
    await page.reload();
    await page.locator('.home.theme-large').waitFor();
    await expectHomeFits(page, 430, 'large');
    await expectWholeTitle(page);
    // The demo title names the year its dates are in.
    const name = await page.locator('.campaign__name').innerText();
    const dates = await page.locator('.campaign__dates').innerText();
    const year = /(\d{4})/.exec(dates)?.[1] ?? (await page.evaluate(() => new Date().getFullYear().toString()));
    check(name.includes(year) || !/\d{4}/.test(name), `the title "${name}" should name the year of ${dates}`);
    await shot('large-home-430');

    // Sign up, then open the cancel dialog on 我的报名: 再想想 large and dark.
    const card = page.locator('.event-card', { hasText: '个名额' }).first();
    await card.click();
    await page.locator('.taro-navigation-bar-back').waitFor();
    await shot('large-event-title-bar');
    await page.locator('.signup-button').click();
    await page.locator('input[placeholder="请输入姓名"]').fill('王秀英');
    await page.locator('input[placeholder="请输入手机号"]').fill('13912340003');
    await page.getByText('我已阅读并同意', { exact: false }).first().click();
    await page.getByText('提交报名', { exact: true }).click();
    await page.getByText('报名成功', { exact: false }).first().waitFor();
    await page.getByText('查看我的报名', { exact: true }).click();
    await expectCancelDialog(page, 430, 'large');
    await shot('large-cancel-dialog-430');
    await page.locator('.taro-model__cancel').click();
  },
};

export const newcomerResident: Journey = {
  name: 'newcomer: title bar with 返回, whole-week search, a visitor can log in (360 px)',
  async run({ url, page, shot }) {
    await page.setViewportSize({ width: 360, height: 780 });
    await as(page, url, 'resident');
    await page.reload();
    await page.locator('.event-card').first().waitFor();
    await page.locator('.event-card').first().click();
    await page.locator('.detail__title').waitFor();
    const back = page.locator('.taro-navigation-bar-back');
    await back.waitFor();
    await shot('event-title-bar-360');
    await back.click();
    await page.locator('.campaign__name').waitFor();

    await expectWholeWeekSearch(page);
    await shot('whole-week-search-360');

    await as(page, url, 'anonymous');
    await open(page, url, 'pages/mine/index');
    await expectVisitorCanLogIn(page, 360);
    await shot('visitor-asked-to-log-in');
    await page.getByText('以居民 王阿姨 身份登录', { exact: true }).click();
    await page.locator('.mine-page .state--error').waitFor({ state: 'detached' });
    await shot('visitor-logged-in');
  },
};

export const newcomerDoorAndAudit: Journey = {
  name: 'newcomer: unknown code is the big card, roster filters by status, audit log shows names',
  async run({ url, page, shot }) {
    await page.setViewportSize({ width: 360, height: 780 });
    await as(page, url, 'staff');
    const res = await page.evaluate(async () => {
      const r = await fetch('/api/staff', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-demo-identity': 'staff' },
        body: JSON.stringify({ action: 'staff.events', data: {} }),
      });
      return (await r.json()) as { data: { events: { id: string }[] } };
    });
    const eventId = res.data.events[0]?.id;
    check(!!eventId, 'the demo staff should have events');
    await open(page, url, `staff/scan/index?eventId=${eventId}`);
    await expectUnknownCodeCard(page);
    await shot('door-unknown-code-360');

    await open(page, url, `staff/roster/index?eventId=${eventId}`);
    await page.locator('#roster-filter-waiting').click();
    await page.waitForTimeout(200);
    const statuses = await page.locator('.roster-entry__status').allInnerTexts();
    check(
      statuses.every((s) => s.includes('未签到')),
      `the 未签到 filter should show only people not checked in: ${statuses.join(', ')}`,
    );
    await shot('roster-filter-waiting');

    // An entry of its own first (the capacity set to what it is: audited, nothing changes), so
    // that the log has a row naming an event whether or not other journeys ran before.
    const audited = await auditedEvent(url);
    await as(page, url, 'organizer');
    await open(page, url, 'organizer/audit/index');
    await expectAuditNames(page, audited.title);
    await shot('audit-names');
  },
};

/** Sets a demo event's capacity to its own value as the organizer: one 名额 entry in the log. */
export async function auditedEvent(url: string): Promise<{ id: string; title: string }> {
  const { events } = await api<{ events: { id: string; title: string; capacity: number | null }[] }>(
    url,
    'organizer',
    'events.managed',
    {},
    'organizer',
  );
  const event = events[0];
  check(!!event, 'the demo organizer should manage events');
  await api(url, 'organizer', 'event.setCapacity', { eventId: event.id, capacity: event.capacity }, 'organizer');
  return event;
}

export const residentSeesPracticalCard: Journey = {
  name: 'resident sees the price, calls the host and opens the venue on the map (430 px)',
  async run({ url, page, shot }) {
    await page.setViewportSize({ width: 430, height: 900 });
    await as(page, url, 'resident');
    await page.reload();
    await page.locator('input[placeholder="搜索活动"]').fill('书法兴趣班');
    await page.locator('.search__button').click();
    await page.locator('.filters__summary-text', { hasText: '全周搜索' }).waitFor();
    const card = page.locator('.event-card', { hasText: '书法兴趣班' }).first();
    await card.click();
    await page.locator('#event-practical').waitFor();
    const fee = await page.locator('#event-fee').innerText();
    check(fee.includes('30元/人'), `a 收费 event should show its price, got: ${fee}`);
    check(
      (await page.locator('.detail__badges').innerText()).includes('收费 30元/人'),
      'the badge should carry the price',
    );
    const practical = await page.locator('#event-practical').innerText();
    check(/0519-8282100\d/.test(practical), `the host's phone should show, got: ${practical}`);
    await page.locator('#call-host').waitFor();
    await shot('practical-card');
    // The closed network has no map site: record where the page sends the browser instead.
    await page.evaluate(`window.__opened = []; window.open = (u) => { window.__opened.push(String(u)); return null; }`);
    await page.locator('#open-map').click();
    const mapUrl = String(await page.evaluate('window.__opened[0]'));
    check(
      mapUrl.includes('uri.amap.com/marker') && /position=119\.\d+,31\.\d+/.test(mapUrl),
      `the map should open at the venue, got: ${mapUrl}`,
    );
  },
};
