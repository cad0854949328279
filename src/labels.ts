/** Chinese labels of the contract's codes, in one table each. */
import type { RegistrationView } from '../types/api';
import type { ActivityEvent, Audience, Category, MessageKind, ReminderKind, ReminderRecord } from '../types/domain';

// Categories, audiences and modes: one table shared with the backend's dashboard and exports.
export { AUDIENCE_LABELS, CATEGORY_LABELS, MODE_LABELS } from '@backend/core/labels';
import { AUDIENCE_LABELS, CATEGORY_LABELS } from '@backend/core/labels';

export const VENUE_ROLE_LABELS: Record<NonNullable<ActivityEvent['venueRole']>, string> = {
  main: '主会场',
  sub: '分会场',
};

export const REGISTRATION_STATUS_LABELS: Record<RegistrationView['status'], string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
};

/** Option lists for pickers, in the order of the labels above. */
export const CATEGORY_OPTIONS = Object.keys(CATEGORY_LABELS) as Category[];
export const AUDIENCE_OPTIONS = Object.keys(AUDIENCE_LABELS) as Audience[];

/** The subscription-message templates, as residents read them. */
export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  event_reminder: '活动开始提醒',
  promoted: '候补成功通知',
  rating_invite: '满意度调查邀请',
};

/** Every template as its outbox shows it: also the organizers' 上报提醒. */
export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  ...REMINDER_KIND_LABELS,
  report_reminder: '上报提醒',
};

export const REMINDER_STATUS_LABELS: Record<ReminderRecord['status'], string> = {
  sent: '已发送',
  refused: '用户拒收',
  no_credit: '未订阅',
  failed: '发送失败',
};

/** The template fields (see backend/core/reminders.ts reminderFields). */
export const REMINDER_FIELD_LABELS: Record<string, string> = {
  thing1: '活动名称',
  time2: '活动时间',
  thing3: '活动地点',
  thing4: '温馨提示',
};

/** 1–5 stars, in words. */
export const RATING_WORDS: Record<number, string> = {
  1: '很不满意',
  2: '不满意',
  3: '一般',
  4: '满意',
  5: '很满意',
};
