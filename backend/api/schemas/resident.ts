/**
 * Input schemas of the `resident` function's actions: browsing the week, one's own sign-ups,
 * codes, notices, reminders, ratings. types/api/resident.ts infers the inputs from them.
 */
import * as z from 'zod';
import { AUDIENCES, CATEGORIES, REMINDER_KINDS } from '../../../types/domain';
import { id, signupInput } from '../fields';
import { campaignRef, day, empty, inviteCode, registrationId, type InputsOf } from './common';

export const residentSchemas = {
  'system.ping': empty,
  'me.get': empty,
  'week.get': z.strictObject({ campaignId: id.optional() }),
  'events.list': z.strictObject({
    campaignId: id.optional(),
    day: day.optional(),
    streetId: id.optional(),
    category: z.enum(CATEGORIES, { error: '没有这个活动类别' }).optional(),
    audience: z.enum(AUDIENCES, { error: '没有这个参与对象' }).optional(),
    q: z.string().max(40, { error: '搜索词最多 40 个字' }).optional(),
    offset: z.int().min(0).max(10_000).optional(),
    limit: z.int().min(1).max(100).optional(),
  }),
  'event.get': z.strictObject({ eventId: id }),
  /** requestId: the client's id of this sign-up, kept across retries (a retry returns the registration it made). */
  'signup.create': signupInput,
  'signup.cancel': z.strictObject({
    registrationId: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/),
  }),
  'signup.mine': empty,
  'online.join': z.strictObject({ eventId: id }),
  'checkin.codes': z.strictObject({ registrationId }),
  /** Self check-in with a venue code (usecases/self-checkin.ts). */
  'checkin.self': z.strictObject({ code: z.string().max(300, { error: '签到码格式不正确' }).trim().min(1) }),
  'invite.accept': z.strictObject({ code: inviteCode }),
  'reminders.config': empty,
  'reminders.subscribe': z.strictObject({
    accepted: z.array(z.enum(REMINDER_KINDS, { error: '没有这种提醒' })).max(REMINDER_KINDS.length),
  }),
  'reminders.mine': empty,
  'notices.list': empty,
  'notices.read': z.strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,160}$/, { error: '通知编号不正确' })
      .max(160, { error: '通知编号不正确' }),
  }),
  'rating.submit': z.strictObject({
    registrationId,
    score: z.int({ error: '请选择 1–5 分' }).min(1, { error: '请选择 1–5 分' }).max(5, { error: '请选择 1–5 分' }),
    comment: z.string({ error: '评价内容应为文字' }).max(200, { error: '评价最多 200 个字' }),
  }),
  'honours.published': z.strictObject(campaignRef),
} as const;

export type ResidentInputs = InputsOf<typeof residentSchemas>;
