/**
 * Issue #18, what residents and organizers expected before an event:
 * - 我的日程: a resident signed up on two days finds both, each under its day, from 我的报名.
 * - 导出报名名单: the unit's staff (roster page) and the district organizer (活动管理) download the
 *   registrant list; read back with exceljs: full names for the staff, masked for the organizer,
 *   phones masked, one line per confirmed or waitlisted sign-up of the roster.
 * - 通知报名者: staff write to everyone signed up; the registrant reads it in 通知, gets the
 *   subscription message she subscribed to, and the 筹备日志 records it.
 */
import type { Page } from 'playwright-core';
import type { EventView, ManagedEventView, RosterEntry } from '../../../types/api';
import type { Journey } from '../run';
import { api } from './a11y-sweep';
import { sheetRows } from './signup-questions';

const IDENTITY_KEY = 'llw.demoIdentity';

async function actAs(page: Page, url: string, identity: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(([k, v]) => localStorage.setItem(k, JSON.stringify({ data: v })), [IDENTITY_KEY, identity]);
}

/** Two events on different days that still take sign-ups and have seats. */
async function eventsOnTwoDays(url: string, identity: string): Promise<[EventView, EventView]> {
  const { events } = await api<{ events: EventView[] }>(url, 'resident', 'events.list', { limit: 100 }, identity);
  const open = events.filter((e) => e.signupOpen && (e.seatsLeft === null || e.seatsLeft > 2));
  const first = open[0];
  const second = open.find((e) => e.day !== first?.day);
  if (!first || !second) throw new Error('the demo week should have open events on two days');
  return [first, second];
}

export const residentSchedule: Journey = {
  name: 'before-event schedule: 我的日程 lists my sign-ups under their days',
  async run({ url, page, shot }) {
    const [a, b] = await eventsOnTwoDays(url, 'resident2');
    for (const [event, phone] of [
      [a, '13700001111'],
      [b, '13700002222'],
    ] as const) {
      await api(
        url,
        'resident',
        'signup.create',
        { eventId: event.id, name: '李建国', phone, companions: 0, consent: true },
        'resident2',
      );
    }
    await actAs(page, url, 'resident2');
    await page.goto(`${url}#/pages/mine/index`);
    await page.reload();
    await page.getByRole('link', { name: /我的日程/ }).click();
    await page.locator('.schedule-day').first().waitFor();
    for (const event of [a, b]) {
      const day = page.locator(`#schedule-${event.day}`);
      await day.locator('.schedule-entry', { hasText: event.title }).waitFor();
    }
    const order = await page.locator('.schedule-day').evaluateAll((els) => els.map((e) => e.id));
    const expected = [`schedule-${a.day}`, `schedule-${b.day}`].sort();
    if (order.indexOf(expected[0]) > order.indexOf(expected[1]))
      throw new Error(`days out of order: ${order.join(', ')}`);
    await shot('schedule');
    await page.locator(`#schedule-${b.day} .schedule-entry`, { hasText: b.title }).click();
    await page.locator('.detail__title', { hasText: b.title }).waitFor();
    await shot('event-from-schedule');
  },
};

/** A person who signs up for the export and notice journeys (a demo identity with no sign-ups). */
const REGISTRANT = { identity: 'district2-organizer', name: '孙丽华', phone: '13655556666' };

/** An approved event of the staff's unit that still takes sign-ups, with REGISTRANT signed up. */
async function staffEventWithRegistrant(url: string): Promise<ManagedEventView> {
  const { events } = await api<{ events: ManagedEventView[] }>(url, 'organizer', 'events.managed', {}, 'staff');
  const event = events.find(
    (e) => e.status === 'approved' && e.signupOpen && e.confirmedPeople > 0 && (e.seatsLeft ?? 9) > 1,
  );
  if (!event) throw new Error('the staff unit should have a published event taking sign-ups');
  const mine = await api<{ mine: unknown }>(url, 'resident', 'event.get', { eventId: event.id }, REGISTRANT.identity);
  if (!mine.mine) {
    await api(
      url,
      'resident',
      'signup.create',
      { eventId: event.id, name: REGISTRANT.name, phone: REGISTRANT.phone, companions: 0, consent: true },
      REGISTRANT.identity,
    );
  }
  return event;
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  if (!file.suggestedFilename().endsWith('.xlsx')) throw new Error(`not an .xlsx: ${file.suggestedFilename()}`);
  const path = await file.path();
  if (!path) throw new Error('the download did not complete');
  return path;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

export const registrantExport: Journey = {
  name: 'before-event registrants: staff and organizer download the registrant list as .xlsx',
  async run({ url, page, shot }) {
    const event = await staffEventWithRegistrant(url);
    const roster = await api<{ entries: RosterEntry[] }>(
      url,
      'staff',
      'checkin.roster',
      { eventId: event.id },
      'staff',
    );
    const expected = roster.entries.filter((e) => e.status === 'confirmed' || e.status === 'waitlisted').length;

    await actAs(page, url, 'staff');
    await page.goto(`${url}#/staff/roster/index?eventId=${event.id}`);
    await page.reload();
    await page.locator('.registrants-export').waitFor();
    await shot('roster-tools');
    const staffFile = await download(page, () => page.locator('.registrants-export').click());
    await page.locator('.registrant-tools__message', { hasText: '已开始下载' }).waitFor();
    await shot('roster-exported');
    const staffRows = await sheetRows(staffFile);
    check(staffRows[0][0].includes(event.title), `the title row should name the event: ${staffRows[0][0]}`);
    check(
      staffRows[1].slice(0, 6).join(',') === '序号,姓名,手机号,同行家属,占名额,状态',
      `header: ${staffRows[1].join(',')}`,
    );
    check(staffRows.length - 2 === expected, `${staffRows.length - 2} lines, the roster has ${expected} sign-ups`);
    const line = staffRows.find((r) => r[1] === REGISTRANT.name);
    check(
      !!line && line[2] === '136****6666',
      `the staff list should show 孙丽华 with 136****6666: ${line?.join(',')}`,
    );
    check(!staffRows.flat().some((t) => /1[3-9]\d{9}/.test(t)), 'no full phone number may be in the list');

    await actAs(page, url, 'organizer');
    await page.goto(`${url}#/organizer/events/index`);
    await page.reload();
    await page
      .locator('.status-tabs')
      .getByText(/^已发布/)
      .click();
    await page.locator('.events-search input, input.events-search').first().fill(event.title);
    const card = page.locator(`#managed-${event.id}`);
    await card.locator('.registrants-export').waitFor();
    const orgFile = await download(page, () => card.locator('.registrants-export').click());
    await shot('organizer-exported');
    const orgRows = await sheetRows(orgFile);
    check(orgRows.length === staffRows.length, 'the organizer gets the same lines');
    check(!orgRows.some((r) => r[1] === REGISTRANT.name), 'the organizer must not see the full name');
    check(
      orgRows.some((r) => r[1] === '孙*华' && r[2] === '136****6666'),
      'the organizer sees the masked name and phone',
    );
  },
};

export const registrantNotice: Journey = {
  name: 'before-event registrants: staff send a notice to everyone signed up',
  async run({ url, page, shot }) {
    const event = await staffEventWithRegistrant(url);
    // She accepts the 活动提醒 subscription once (the tap in 我的报名).
    await api(url, 'resident', 'reminders.subscribe', { accepted: ['event_reminder'] }, REGISTRANT.identity);
    const text = '改在二楼教室，请提前十分钟到';

    await actAs(page, url, 'staff');
    await page.goto(`${url}#/staff/roster/index?eventId=${event.id}`);
    await page.reload();
    await page.locator('.registrants-notify').click();
    await page.locator('.registrant-tools__input input, input.registrant-tools__input').first().fill(text);
    await shot('notice-written');
    await page.locator('.registrants-send').click();
    const message = page.locator('.registrant-tools__message', { hasText: '已通知' });
    await message.waitFor();
    const said = await message.innerText();
    check(!/订阅消息 0 条/.test(said), `at least her subscription message should go: ${said}`);
    await shot('notice-sent');

    await actAs(page, url, REGISTRANT.identity);
    await page.goto(`${url}#/pages/notices/index`);
    await page.reload();
    await page.getByText(`“${event.title}”通知：${text}`).first().waitFor();
    await shot('notice-received');
    const { reminders } = await api<{ reminders: { status: string; fields: Record<string, string> }[] }>(
      url,
      'resident',
      'reminders.mine',
      {},
      REGISTRANT.identity,
    );
    check(
      reminders.some((r) => r.status === 'sent' && r.fields.thing4 === text),
      'the subscription message should carry the notice',
    );

    await actAs(page, url, 'organizer');
    await page.goto(`${url}#/organizer/audit/index`);
    await page.reload();
    await page.getByText('通知报名者').first().waitFor();
    await shot('audited');
  },
};
