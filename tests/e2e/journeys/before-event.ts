/**
 * Issue #18, what residents and organizers expected before an event:
 * - 我的日程: a resident signed up on two days finds both, each under its day, from 我的报名.
 */
import type { Page } from 'playwright-core';
import type { EventView } from '../../../types/api';
import type { Journey } from '../run';
import { api } from './a11y-sweep';

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
  name: 'schedule: 我的日程 lists my sign-ups under their days',
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
