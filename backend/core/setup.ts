/**
 * Rules of organising a week: dates of a campaign and of its events, the review states of an
 * event, capacity changes, and invitations.
 */
import type { ActivityEvent, Campaign, EventStatus, Invite } from '../../types/domain';
import { fail } from './errors';
import { daysBetween, dayOf, isCalendarDay } from './time';

/** A mobile or a landline with area code, as contact phones are written on the forms. */
export const CONTACT_PHONE_RE = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const EMAIL_RE = /^[^\s@]{1,64}@[^\s@]{1,190}\.[A-Za-z]{2,24}$/;
export const MAX_WEEK_DAYS = 31;
export const MAX_EVENT_HOURS = 8 * 24;

/** A new event's counters (no seat taken, nobody waiting or checked in) and its creation time. */
export function newEventCounters(now: number) {
  return { seatsTaken: 0, waitingCount: 0, checkedIn: 0, walkIns: 0, createdAt: now, updatedAt: now };
}

export function assertCampaignDates(c: Pick<Campaign, 'weekStart' | 'weekEnd' | 'periodStart' | 'periodEnd'>): void {
  for (const day of [c.weekStart, c.weekEnd, c.periodStart, c.periodEnd]) {
    if (day !== undefined && !isCalendarDay(day)) fail('VALIDATION_FAILED', `日期不存在：${day}，请检查月份和日期`);
  }
  if (c.weekEnd < c.weekStart) fail('VALIDATION_FAILED', '活动周的结束日期不能早于开始日期');
  if (daysBetween(c.weekStart, c.weekEnd).length > MAX_WEEK_DAYS) fail('VALIDATION_FAILED', '活动周最长 31 天');
  if (c.periodStart && c.periodEnd && c.periodEnd < c.periodStart) {
    fail('VALIDATION_FAILED', '全年活动期的结束日期不能早于开始日期');
  }
  if (c.periodStart && c.periodStart > c.weekStart) fail('VALIDATION_FAILED', '活动周须在全年活动期之内');
  if (c.periodEnd && c.periodEnd < c.weekEnd) fail('VALIDATION_FAILED', '活动周须在全年活动期之内');
}

/** Events take place within the campaign: its week, or its year-round period where it has one. */
export function assertEventTimes(campaign: Campaign, startAt: number, endAt: number): void {
  if (endAt <= startAt) fail('VALIDATION_FAILED', '结束时间须晚于开始时间');
  if (endAt - startAt > MAX_EVENT_HOURS * 3600_000) fail('VALIDATION_FAILED', '单场活动最长 8 天');
  const first = campaign.periodStart ?? campaign.weekStart;
  const last = campaign.periodEnd ?? campaign.weekEnd;
  const day = dayOf(startAt);
  if (day < first || day > last) fail('VALIDATION_FAILED', `活动日期须在 ${first} 至 ${last} 之间`);
}

export type ReviewAction = 'submit' | 'approve' | 'return' | 'cancel';

const TRANSITIONS: Record<ReviewAction, { from: readonly EventStatus[]; to: EventStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted', 'approved'], to: 'returned' },
  cancel: { from: ['draft', 'submitted', 'returned', 'approved'], to: 'cancelled' },
};

/** The status an event moves to, or a refusal naming why not. */
export function nextStatus(current: EventStatus, action: ReviewAction): EventStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(current)) {
    const names: Record<EventStatus, string> = {
      draft: '草稿',
      submitted: '待审核',
      approved: '已发布',
      returned: '已退回',
      cancelled: '已取消',
    };
    fail('EVENT_STATE_CONFLICT', `活动当前为“${names[current]}”，不能执行此操作`);
  }
  return rule.to;
}

/** Whether a change of an approved event must be told to the people signed up for it. */
export function changeNeedsNotice(
  before: Pick<ActivityEvent, 'startAt' | 'endAt' | 'venue' | 'status'>,
  after: Pick<ActivityEvent, 'startAt' | 'endAt' | 'venue'>,
): boolean {
  return (
    before.status === 'approved' &&
    (before.startAt !== after.startAt || before.endAt !== after.endAt || before.venue !== after.venue)
  );
}

export type InviteState = 'open' | 'used' | 'revoked' | 'expired';

export function inviteState(invite: Invite, now: number): InviteState {
  if (invite.usedBy !== null) return 'used';
  if (invite.revokedAt !== null) return 'revoked';
  if (now >= invite.expiresAt) return 'expired';
  return 'open';
}

export const INVITE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const INVITE_CODE_RE = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/;
export const INVITE_MAX_HOURS = 7 * 24;
