/**
 * Issue #18, self check-in at a venue code where nobody works the door: the unit's staff open
 * 自助签到码 for an activity starting in 20 minutes (430 px); a signed-up resident opens the
 * code's link (as WeChat would after a scan; 360 px) and is checked in with her companion (+2);
 * opening it again counts nothing (已签到); the roster marks her 自助签到. A code of an activity
 * six hours ahead is refused with 未到签到时间 and counts nothing. The demo week lies in the
 * future, so the two activities are added to the running demo store as the door test does.
 */
import type { Page } from 'playwright-core';
import type { VenueCodes } from '../../../types/api';
import type { SignupQuestion } from '../../../types/domain';
import type { Journey } from '../run';
import { addDemoActivity } from '../../support/demo-activity';
import { api } from './a11y-sweep';

const IDENTITY_KEY = 'llw.demoIdentity';

async function actAs(page: Page, url: string, identity: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(([k, v]) => localStorage.setItem(k, JSON.stringify({ data: v })), [IDENTITY_KEY, identity]);
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

/** Adds an activity of the demo staff's centre starting `minutes` from now (asking `questions`). */
export function activityStartingIn(
  id: string,
  minutes: number,
  questions: SignupQuestion[] | null = null,
): Promise<void> {
  return addDemoActivity(process.env.DATA_FILE as string, id, minutes, {
    title: `社区教育开放日 ${id.slice(-4)}`,
    questions,
  });
}

async function checkedIn(url: string, eventId: string): Promise<number> {
  const r = await api<{ event: { checkedIn: number } }>(url, 'staff', 'checkin.roster', { eventId }, 'staff');
  return r.event.checkedIn;
}

export const selfCheckinJourney: Journey = {
  name: 'self check-in: a venue code on the screen counts a resident once; too early is refused',
  async run({ url, page, shot }) {
    const tag = Date.now().toString(36);
    const soon = `self-soon-${tag}`;
    const later = `self-later-${tag}`;
    await activityStartingIn(soon, 20);
    await activityStartingIn(later, 6 * 60);
    const resident = `resident-self${tag}`;
    for (const [eventId, phone] of [
      [soon, `1371${String(Date.now()).slice(-7)}`],
      [later, `1372${String(Date.now()).slice(-7)}`],
    ]) {
      await api(
        url,
        'resident',
        'signup.create',
        { eventId, name: '吴美华', phone, companions: 1, consent: true },
        resident,
      );
    }

    await page.setViewportSize({ width: 430, height: 900 });
    await actAs(page, url, 'staff');
    await page.goto(`${url}#/staff/roster/index?eventId=${soon}`);
    await page.reload();
    await page.locator('.roster-venue-code').click();
    const qr = page.locator('.venue-screen__qr');
    await qr.waitFor();
    await page.locator('.venue-screen__window', { hasText: '进行中' }).waitFor();
    const link = (await qr.getAttribute('data-code')) ?? '';
    check(
      link.includes('#/pages/self-checkin/index?code='),
      `the venue QR should hold the self check-in link: ${link}`,
    );
    await shot('venue-code-screen-430');

    await page.setViewportSize({ width: 360, height: 780 });
    await actAs(page, url, resident);
    const before = await checkedIn(url, soon);
    // One full load of the link, as a scan opens it: a hash change on the open app followed by a
    // reload would run the check-in twice, and the second answer (已签到) could replace the first.
    await page.goto('about:blank');
    await page.goto(link);
    await page.locator('.self-card[data-outcome="checked_in"]', { hasText: '签到成功' }).waitFor();
    await shot('self-checked-in-360');
    check((await checkedIn(url, soon)) === before + 2, 'the resident and her companion should count 2');
    await page.reload();
    await page.locator('.self-card[data-outcome="already_checked_in"]', { hasText: '已签到' }).waitFor();
    await shot('self-second-scan-360');
    check((await checkedIn(url, soon)) === before + 2, 'a second scan should count nothing');

    const early = await api<VenueCodes>(url, 'staff', 'venue.codes', { eventId: later }, 'staff');
    await page.goto(`${url}#/pages/self-checkin/index?code=${encodeURIComponent(early.codes[0].code)}`);
    await page.reload();
    await page.locator('.self-card[data-outcome="too_early"]', { hasText: '未到签到时间' }).waitFor();
    await shot('self-too-early-360');
    check((await checkedIn(url, later)) === 0, 'a scan before the window should count nothing');

    await actAs(page, url, 'staff');
    await page.goto(`${url}#/staff/roster/index?eventId=${soon}`);
    await page.reload();
    await page.locator('.roster-entry__answers', { hasText: '自助签到' }).waitFor();
    await shot('roster-self-marked');
  },
};
