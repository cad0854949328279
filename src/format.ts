/** How events and sign-ups read on screen: pure functions over the contract's views. */
import type { EventView, RegistrationView } from '../types/api';
import type { Day } from '../types/domain';
import { dayOf } from '@backend/core/time';
import { AUDIENCE_LABELS, MODE_LABELS, VENUE_ROLE_LABELS } from './labels';

export type Tone = 'ok' | 'wait' | 'muted' | 'info';

/**
 * The seat line of an event card: 余位 N / 已满，可候补 / 无需报名 / 已取消 / 报名已截止.
 * `plain`: the plainer wording of 大字 mode (还有 N 个名额 …).
 */
export function seatsText(event: EventView, plain = false): { text: string; tone: Tone } {
  if (event.cancelled) return { text: plain ? '活动取消了' : '已取消', tone: 'muted' };
  if (event.capacity === null) return { text: plain ? '不用报名' : '无需报名', tone: 'info' };
  if (!event.signupOpen) return { text: plain ? '不能报名了' : '报名已截止', tone: 'muted' };
  const left = event.seatsLeft ?? 0;
  if (left > 0) return { text: plain ? `还有 ${left} 个名额` : `余位 ${left}`, tone: 'ok' };
  return { text: plain ? '满了，可排队候补' : '已满，可候补', tone: 'wait' };
}

/** 线上/线下/线上线下, 惠民, 主会场/分会场. */
export function eventTags(event: EventView): string[] {
  const tags = [MODE_LABELS[event.mode]];
  if (event.free) tags.push('惠民');
  if (event.venueRole) tags.push(VENUE_ROLE_LABELS[event.venueRole]);
  return tags;
}

export function audienceText(event: EventView): string {
  return event.audiences.map((a) => AUDIENCE_LABELS[a]).join('、') || AUDIENCE_LABELS.public;
}

/** unit · street, without a dangling dot when one is missing. */
export function hostText(event: EventView): string {
  return [event.unitName, event.streetName].filter(Boolean).join(' · ');
}

/** 已报名 / 候补第N位 / 已取消, for a resident's own sign-up. */
export function registrationStatusText(reg: RegistrationView): { text: string; tone: Tone } {
  if (reg.status === 'confirmed') return { text: '已报名', tone: 'ok' };
  if (reg.status === 'waitlisted') {
    return { text: reg.waitPosition ? `候补第${reg.waitPosition}位` : '候补中', tone: 'wait' };
  }
  return { text: '已取消', tone: 'muted' };
}

/** Whether a sign-up has a check-in code to show now: confirmed, not checked in, event not over. */
export function codeAvailable(
  reg: Pick<RegistrationView, 'status' | 'checkedInAt'>,
  event: Pick<EventView, 'cancelled' | 'endAt'>,
  now: number,
): boolean {
  return reg.status === 'confirmed' && !event.cancelled && (reg.checkedInAt ?? null) === null && now < event.endAt;
}

/** The one main action of the event page, or why it is not available. */
export function signupAction(
  event: EventView,
  mine: RegistrationView | null,
  plain = false,
): { label: string; enabled: boolean; reason?: string } {
  if (event.cancelled) return { label: '活动已取消', enabled: false, reason: '该活动已取消' };
  if (event.capacity === null) {
    return { label: '无需报名', enabled: false, reason: '该活动无需报名，可直接前往参加' };
  }
  if (mine && mine.status !== 'cancelled') {
    return {
      label: '已报名',
      enabled: false,
      reason: mine.status === 'waitlisted' ? '您已在候补名单中，有空位时将自动转为报名成功' : '您已报名该活动',
    };
  }
  if (!event.signupOpen) return { label: '报名已截止', enabled: false, reason: '活动已开始或报名已结束' };
  if ((event.seatsLeft ?? 0) <= 0) return { label: plain ? '排队候补' : '报名候补', enabled: true };
  return { label: '我要报名', enabled: true };
}

/** The day tab to open first: today if it falls inside the week, else the week's first day. */
export function defaultDay(days: Day[], now: number): Day | undefined {
  const today = dayOf(now);
  return days.includes(today) ? today : days[0];
}

/**
 * The campaign's dates, e.g. `2026 年 11 月 14 日至 11 月 20 日`. Spaced on purpose: the day tabs
 * are the only text on the home page that reads `11月14日`, so a search for that label finds one tab.
 */
export function weekRangeLabel(start: Day, end: Day): string {
  const [y1, m1, d1] = start.split('-').map(Number);
  const [y2, m2, d2] = end.split('-').map(Number);
  const tail = y1 === y2 ? `${m2} 月 ${d2} 日` : `${y2} 年 ${m2} 月 ${d2} 日`;
  return `${y1} 年 ${m1} 月 ${d1} 日至 ${tail}`;
}
