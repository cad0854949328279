/**
 * axe-core (WCAG 2.1 A/AA) on every page, as each demo role, in 标准 and 大字 mode, at 360 px
 * (标准) and 430 px (大字) wide: no violations anywhere, and every page root in the chosen scale.
 * A screenshot of each page in each mode.
 */
import type { Page } from 'playwright-core';
import { axeViolations } from '../axe';
import type { Journey } from '../run';
import { as } from './layout-checks';

export async function api<T>(url: string, fn: string, action: string, data: object, identity: string): Promise<T> {
  const res = await fetch(`${url}api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-identity': identity },
    body: JSON.stringify({ action, data }),
  });
  const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${fn}/${action}: ${body.error?.message}`);
  return body.data;
}

/** Pages each role reaches, with the ids a demo week gives them. */
async function pagesOf(url: string): Promise<Record<string, string[]>> {
  const staffEvents = await api<{ events: { id: string }[] }>(url, 'staff', 'staff.events', {}, 'staff');
  const list = await api<{ events: { id: string; fee?: string }[] }>(
    url,
    'resident',
    'events.list',
    { limit: 5 },
    'resident',
  );
  const eventId = list.events[0].id;
  const staffEventId = staffEvents.events[0]?.id ?? eventId;
  const resident = [
    'pages/index/index',
    `pages/event/index?id=${eventId}`,
    `pages/signup/index?id=${eventId}`,
    'pages/mine/index',
    'pages/schedule/index',
    'pages/notices/index',
    'pages/reminders/index',
    'pages/privacy/index',
    // 自助签到 with a code that is not genuine: the refusal card.
    'pages/self-checkin/index?code=V1.x.p.x',
  ];
  return {
    anonymous: ['pages/index/index', `pages/event/index?id=${eventId}`, 'pages/mine/index'],
    resident,
    staff: [
      'staff/events/index',
      `staff/roster/index?eventId=${staffEventId}`,
      `staff/scan/index?eventId=${staffEventId}`,
      `staff/walkin/index?eventId=${staffEventId}`,
      `staff/venue/index?eventId=${staffEventId}`,
    ],
    organizer: [
      'organizer/dashboard/index',
      'organizer/forms/index',
      'organizer/campaign/index',
      'organizer/orgs/index',
      'organizer/staff/index',
      'organizer/events/index',
      `organizer/event-edit/index?id=${eventId}`,
      `organizer/poster/index?id=${eventId}`,
      'organizer/audit/index',
    ],
  };
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .waitForFunction(() => !document.querySelector('.state--loading'), undefined, { timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
}

export const a11ySweep: Journey = {
  name: 'axe-core finds no WCAG 2.1 A/AA violation on any page, any role, either font size',
  async run({ url, page, shot }) {
    const pages = await pagesOf(url);
    const failures: string[] = [];
    let checked = 0;
    for (const [scale, width] of [
      ['normal', 360],
      ['large', 430],
    ] as const) {
      await page.setViewportSize({ width, height: 800 });
      for (const [role, paths] of Object.entries(pages)) {
        await as(page, url, role, scale);
        for (const path of paths) {
          await page.goto(`${url}#/${path}`);
          await page.reload();
          await settle(page);
          // 大字 reaches every page, the staff and organizer ones included (theme tokens there too).
          const themed = await page.locator(`.page.theme-${scale}`).count();
          if (themed === 0) failures.push(`${scale} ${role} ${path}: the page root lacks .theme-${scale}`);
          const found = await axeViolations(page);
          checked += 1;
          for (const line of found) failures.push(`${scale} ${role} ${path}: ${line}`);
          await shot(
            `${scale}-${width}-${role}-${path
              .split('?')[0]
              .replace(/\/index$/, '')
              .replace(/\//g, '-')}`,
          );
        }
      }
    }
    console.log(`  axe: ${checked} page views, ${failures.length} violations`);
    if (failures.length) throw new Error(`axe violations:\n  ${failures.join('\n  ')}`);
  },
};
