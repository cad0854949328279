/**
 * The event editor's draft and its checks, mirroring the backend's (schemas.ts event.save,
 * core/setup.ts assertEventTimes, manage-events.ts): days and clock times in Asia/Shanghai
 * become epoch ms through the core's `at(day, 'HH:mm')`, and back through `dayOf` /
 * `clockLabel`. Errors are keyed by EventInput field, like the server's field paths.
 */
import type { EventInput, ManagedEventView } from '../../types/api';
import type { Audience, Campaign, Category, Day, EventMode, SignupQuestion } from '../../types/domain';
import { questionsProblem } from '@backend/core/signup-questions';
import { COMPANIONS_CEILING } from '@backend/core/registration';
import { MAX_EVENT_HOURS } from '@backend/core/setup';
import { at, clockLabel, dayOf } from '@backend/core/time';
import type { FieldErrorMap } from './field-errors';

export const EVENT_FIELDS = [
  'unitId',
  'title',
  'content',
  'venue',
  'startAt',
  'endAt',
  'category',
  'audiences',
  'mode',
  'onlineUrl',
  'free',
  'venueRole',
  'maxCompanions',
  'capacity',
  'fee',
  'contactName',
  'contactPhone',
  'location',
  'questions',
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

export const TITLE_MAX = 60;
export const VENUE_MAX = 100;
export const CONTENT_MAX = 500;
export const CAPACITY_MAX = 100_000;

export interface EventDraft {
  eventId?: string;
  unitId: string;
  title: string;
  content: string;
  venue: string;
  startDay: Day;
  startTime: string;
  endDay: Day;
  endTime: string;
  category: Category;
  audiences: Audience[];
  mode: EventMode;
  onlineUrl: string;
  free: boolean;
  venueRole: 'main' | 'sub' | null;
  maxCompanions: number;
  /** false: 无需报名 (capacity null, open attendance). */
  needsSignup: boolean;
  capacity: string;
  /** Optional practical fields; an empty one is sent as cleared. */
  fee: string;
  contactName: string;
  contactPhone: string;
  /** The map point as typed (decimal degrees, GCJ-02), and the address to show with it. */
  latitude: string;
  longitude: string;
  address: string;
  /** Sign-up questions (报名问题); sent only for an event that needs sign-up. */
  questions: SignupQuestion[];
}

/** The days events may take place on: the campaign's year-round period, else its week. */
export function eventDayRange(campaign: Pick<Campaign, 'weekStart' | 'weekEnd' | 'periodStart' | 'periodEnd'>): {
  first: Day;
  last: Day;
} {
  return { first: campaign.periodStart ?? campaign.weekStart, last: campaign.periodEnd ?? campaign.weekEnd };
}

export function newEventDraft(unitId: string, day: Day): EventDraft {
  return {
    unitId,
    title: '',
    content: '',
    venue: '',
    startDay: day,
    startTime: '09:00',
    endDay: day,
    endTime: '11:00',
    category: 'lecture',
    audiences: ['public'],
    mode: 'offline',
    onlineUrl: '',
    free: true,
    venueRole: null,
    maxCompanions: 1,
    needsSignup: true,
    capacity: '30',
    ...NO_PRACTICAL,
  };
}

export function draftOf(event: ManagedEventView): EventDraft {
  return {
    eventId: event.id,
    unitId: event.unitId,
    title: event.title,
    content: event.content,
    venue: event.venue,
    startDay: dayOf(event.startAt),
    startTime: clockLabel(event.startAt),
    endDay: dayOf(event.endAt),
    endTime: clockLabel(event.endAt),
    category: event.category,
    audiences: [...event.audiences],
    mode: event.mode,
    onlineUrl: event.onlineUrl ?? '',
    free: event.free,
    venueRole: event.venueRole,
    maxCompanions: event.maxCompanions,
    needsSignup: event.capacity !== null,
    capacity: event.capacity === null ? '' : String(event.capacity),
    fee: event.fee ?? '',
    contactName: event.contactName ?? '',
    contactPhone: event.contactPhone ?? '',
    latitude: event.location ? String(event.location.latitude) : '',
    longitude: event.location ? String(event.location.longitude) : '',
    address: event.location?.address ?? '',
    questions: (event.questions ?? []).map((q) => ({ ...q, ...(q.choices ? { choices: [...q.choices] } : {}) })),
  };
}

const NO_PRACTICAL = {
  fee: '',
  contactName: '',
  contactPhone: '',
  latitude: '',
  longitude: '',
  address: '',
  questions: [] as SignupQuestion[],
};

export const FEE_MAX = 40;
export const CONTACT_NAME_MAX = 20;
export const ADDRESS_MAX = 100;
const CONTACT_PHONE_RE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const DEGREES_RE = /^-?\d{1,3}(\.\d+)?$/;

/** The map point of a draft: both coordinates in range, or null when both are empty. */
function pointOf(draft: Pick<EventDraft, 'latitude' | 'longitude'>): { latitude: number; longitude: number } | null {
  const lat = draft.latitude.trim();
  const lng = draft.longitude.trim();
  if (!DEGREES_RE.test(lat) || !DEGREES_RE.test(lng)) return null;
  const latitude = Number(lat);
  const longitude = Number(lng);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

function moment(day: Day, time: string): number | null {
  try {
    return at(day, time);
  } catch {
    return null;
  }
}

const chars = (s: string) => Array.from(s.trim()).length;

/** The form's own checks; an empty map when the draft may be sent. */
export function checkEventDraft(
  draft: EventDraft,
  campaign: Pick<Campaign, 'weekStart' | 'weekEnd' | 'periodStart' | 'periodEnd'> | null,
): FieldErrorMap {
  const errors: FieldErrorMap = {};
  if (!draft.unitId) errors.unitId = '请选择主办单位';
  if (!draft.title.trim()) errors.title = '请填写活动项目';
  else if (chars(draft.title) > TITLE_MAX) errors.title = `活动项目最多 ${TITLE_MAX} 个字`;
  if (chars(draft.content) > CONTENT_MAX) errors.content = `形式与内容最多 ${CONTENT_MAX} 个字`;
  if (!draft.venue.trim()) errors.venue = '请填写活动地点';
  else if (chars(draft.venue) > VENUE_MAX) errors.venue = `活动地点最多 ${VENUE_MAX} 个字`;

  const startAt = moment(draft.startDay, draft.startTime);
  const endAt = moment(draft.endDay, draft.endTime);
  if (startAt === null) errors.startAt = '请选择开始日期和时间';
  if (endAt === null) errors.endAt = '请选择结束日期和时间';
  if (startAt !== null && endAt !== null) {
    if (endAt <= startAt) errors.endAt = '结束时间须晚于开始时间';
    else if (endAt - startAt > MAX_EVENT_HOURS * 3600_000) errors.endAt = '单场活动最长 8 天';
  }
  if (startAt !== null && campaign) {
    const { first, last } = eventDayRange(campaign);
    const day = dayOf(startAt);
    if (day < first || day > last) errors.startAt = `活动日期须在 ${first} 至 ${last} 之间`;
  }

  if (draft.audiences.length === 0) errors.audiences = '请至少选择一类参与对象';
  if (draft.mode !== 'offline') {
    const url = draft.onlineUrl.trim();
    if (!url) errors.onlineUrl = '线上活动请填写参与链接';
    else if (!/^https:\/\/[^\s/]+\.[^\s]+$/.test(url)) errors.onlineUrl = '参与链接须为 https:// 开头的网址';
  }
  if (!Number.isInteger(draft.maxCompanions) || draft.maxCompanions < 0 || draft.maxCompanions > COMPANIONS_CEILING) {
    errors.maxCompanions = `同行家属 0–${COMPANIONS_CEILING} 位`;
  }
  if (draft.needsSignup) {
    const text = draft.capacity.trim();
    const n = Number(text);
    if (!/^\d+$/.test(text) || !Number.isInteger(n) || n < 1) errors.capacity = '名额须为正整数';
    else if (n > CAPACITY_MAX) errors.capacity = '名额过大';
  }
  if (chars(draft.fee) > FEE_MAX) errors.fee = `收费说明最多 ${FEE_MAX} 字`;
  if (chars(draft.contactName) > CONTACT_NAME_MAX) errors.contactName = `联系人最多 ${CONTACT_NAME_MAX} 字`;
  const phone = draft.contactPhone.trim();
  if (phone && !CONTACT_PHONE_RE.test(phone)) errors.contactPhone = '联系电话须为手机号或带区号的座机号';
  const anyPoint = draft.latitude.trim() || draft.longitude.trim();
  if (anyPoint && !pointOf(draft)) errors.location = '请填写纬度（-90～90）和经度（-180～180），如 31.75 和 119.56';
  else if (!anyPoint && draft.address.trim()) errors.location = '填写地图地址时请同时填写经纬度';
  else if (chars(draft.address) > ADDRESS_MAX) errors.location = `地图地址最多 ${ADDRESS_MAX} 字`;
  const asked = draft.needsSignup ? questionsProblem(draft.questions) : null;
  if (asked) errors.questions = asked;
  return errors;
}

/** What event.save receives. Only for a draft that passed checkEventDraft. */
export function eventInputOf(draft: EventDraft): EventInput {
  const input: EventInput = {
    unitId: draft.unitId,
    title: draft.title.trim(),
    content: draft.content.trim(),
    venue: draft.venue.trim(),
    startAt: at(draft.startDay, draft.startTime),
    endAt: at(draft.endDay, draft.endTime),
    category: draft.category,
    audiences: [...draft.audiences],
    mode: draft.mode,
    free: draft.free,
    venueRole: draft.venueRole,
    maxCompanions: draft.needsSignup ? draft.maxCompanions : 0,
    capacity: draft.needsSignup ? Number(draft.capacity.trim()) : null,
  };
  if (draft.eventId) input.eventId = draft.eventId;
  if (draft.mode !== 'offline') input.onlineUrl = draft.onlineUrl.trim();
  // Empty practical fields are left out: the backend clears them on an edit.
  if (draft.fee.trim()) input.fee = draft.fee.trim();
  if (draft.contactName.trim()) input.contactName = draft.contactName.trim();
  if (draft.contactPhone.trim()) input.contactPhone = draft.contactPhone.trim();
  const point = pointOf(draft);
  if (point) input.location = draft.address.trim() ? { ...point, address: draft.address.trim() } : point;
  if (draft.needsSignup && draft.questions.length) {
    input.questions = draft.questions.map((q) => ({ ...q, label: q.label.trim() }));
  }
  return input;
}
