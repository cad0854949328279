/**
 * Which reminders go, and what they say. A reminder of an event goes once, between 26 hours
 * and 1 hour before it starts; a waitlisted resident who was confirmed is told once. Each
 * send spends one subscription credit (WeChat allows one message per acceptance); without a
 * credit nothing is sent and that is recorded, never retried.
 */
import type { ActivityEvent, Registration, ReminderKind } from '../../types/domain';
import { shanghai } from './time';

export const REMIND_FROM_MS = 26 * 3600_000;
export const REMIND_UNTIL_MS = 3600_000;
/** WeChat's limit for `thing` fields of a subscription message. */
export const THING_MAX = 20;

export function reminderId(kind: ReminderKind, registrationId: string): string {
  return `${kind}|${registrationId}`;
}

/** The reminders due now for a registration (each goes at most once: see reminderId). */
export function dueReminders(
  reg: Pick<Registration, 'status' | 'ownerId' | 'promotedAt'>,
  event: Pick<ActivityEvent, 'startAt' | 'status'>,
  now: number,
): ReminderKind[] {
  if (reg.status !== 'confirmed' || !reg.ownerId || event.status !== 'approved' || now >= event.startAt) return [];
  const due: ReminderKind[] = [];
  if (reg.promotedAt !== null) due.push('promoted');
  const lead = event.startAt - now;
  if (lead <= REMIND_FROM_MS && lead > REMIND_UNTIL_MS) due.push('event_reminder');
  return due;
}

/** Shortens text to a `thing` field: at most 20 characters, with an ellipsis when cut. */
export function thing(text: string): string {
  const chars = Array.from(text.trim());
  return chars.length <= THING_MAX ? chars.join('') : `${chars.slice(0, THING_MAX - 1).join('')}…`;
}

/** The template fields: thing1 活动名称, time2 活动时间, thing3 活动地点, thing4 温馨提示. */
export function reminderFields(
  kind: Exclude<ReminderKind, 'rating_invite'>,
  event: Pick<ActivityEvent, 'title' | 'startAt' | 'venue'>,
): Record<string, string> {
  return {
    thing1: thing(event.title),
    time2: shanghai(event.startAt).format('YYYY年M月D日 HH:mm'),
    thing3: thing(event.venue),
    thing4: thing(kind === 'promoted' ? '候补已转正，请按时参加' : '活动即将开始，请带好签到码'),
  };
}

/**
 * The 满意度调查邀请 template's fields, laid out like the reminders' (thing1 活动名称, time2 活动时间,
 * thing3 活动地点, thing4 温馨提示) so that one outbox view reads them all.
 */
export function ratingInviteFields(event: Pick<ActivityEvent, 'title' | 'startAt' | 'venue'>): Record<string, string> {
  return {
    thing1: thing(event.title),
    time2: shanghai(event.startAt).format('YYYY年M月D日 HH:mm'),
    thing3: thing(event.venue),
    thing4: thing('您被随机抽中，请为本次活动评分'),
  };
}

/**
 * The 上报提醒 template's fields (thing1 任务名称, time2 截止时间, thing4 温馨提示) for an org
 * still missing a report; `daysLeft` ≤ 0 once the deadline has passed.
 */
export function reportReminderFields(title: string, deadline: string, daysLeft: number): Record<string, string> {
  const [y, m, d] = deadline.split('-').map(Number);
  return {
    thing1: thing(title),
    time2: `${y}年${m}月${d}日`,
    thing4: thing(daysLeft > 0 ? `还有${daysLeft}天截止，请尽快上报` : '已过截止日期，请尽快补报'),
  };
}
