/**
 * Input schemas of the `staff` function's actions: the door (scan, manual check-in, walk-ins,
 * offline sync, find, undo), staff cancel, proxy sign-up and the door's audit log.
 * types/api/staff.ts infers the inputs from them.
 */
import * as z from 'zod';
import { CALL_BUDGET_BYTES, untrimmed, withinBytes } from '../limits';
import { id, personName, phone, signupInput } from '../fields';
import { signupAnswers } from '../question-fields';
import { day, empty, page, reason, registrationId, type InputsOf } from './common';

const deviceId = z
  .string({ error: '缺少设备编号' })
  .regex(/^[A-Za-z0-9_-]{4,64}$/, { error: '设备编号格式不正确' })
  .max(64, { error: '设备编号格式不正确' });
const scanId = z
  .string({ error: '缺少扫码编号' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '扫码编号格式不正确' })
  .max(64, { error: '扫码编号格式不正确' });
const code = z.string({ error: '缺少签到码' }).min(1, { error: '缺少签到码' }).max(400, { error: '签到码过长' });
const scannedAt = z.int({ error: '扫码时间应为整数毫秒' }).min(0).max(8_640_000_000_000);
/** A supervisor's reason for admitting outside the check-in window (audited). */
const override = z
  .string()
  .max(untrimmed(60), { error: '放行原因最多 60 个字' })
  .trim()
  .min(2, { error: '请填写放行原因' })
  .max(60, { error: '放行原因最多 60 个字' });
/**
 * Walk-ins may leave name and phone out, and answer the event's sign-up questions or not (all are
 * optional at the door: core/signup-questions.ts walkinAnswersOf); what they give must still be
 * well formed.
 */
const walkinFields = {
  name: personName.optional(),
  phone: phone.optional(),
  companions: z.int({ error: '同行人数应为整数' }).min(0, { error: '同行人数不能为负数' }).max(50),
  answers: signupAnswers,
};
/** Where a door action happens: the event, the device, the client's id of the scan. */
const door = { eventId: id, deviceId, scanId };

/** A scan made while the backend could not be reached, kept on the device until synced. */
const queuedScan = z.discriminatedUnion('kind', [
  z.strictObject({ scanId, kind: z.literal('code'), code, scannedAt }),
  z.strictObject({ scanId, kind: z.literal('manual'), registrationId, scannedAt }),
  /** A short code typed while offline: judged by the server on sync, against scannedAt. */
  z.strictObject({
    scanId,
    kind: z.literal('short'),
    code: z
      .string()
      .max(6)
      .regex(/^\d{6}$/, { error: '签到码应为 6 位数字' }),
    scannedAt,
  }),
  z.strictObject({ scanId, kind: z.literal('walkin'), ...walkinFields, scannedAt }),
]);

export const staffSchemas = {
  /** Events of the caller's units (all of the district for organizers), optionally of one day. */
  'staff.events': z.strictObject({ day: day.optional() }),
  'checkin.config': empty,
  'checkin.roster': z.strictObject({ eventId: id }),
  /** The answers to the event's sign-up questions, beside the roster. */
  'roster.answers': z.strictObject({ eventId: id }),
  /** Venue codes for self check-in: rotating (a screen) or printed. */
  'venue.codes': z.strictObject({ eventId: id, printed: z.boolean().optional() }),
  'checkin.scan': z.strictObject({ ...door, code, override: override.optional() }),
  'checkin.manual': z.strictObject({ ...door, registrationId, override: override.optional() }),
  'checkin.walkin': z.strictObject({ ...door, ...walkinFields, override: override.optional() }),
  /** Replays scans queued offline; replaying the same batch again changes nothing. */
  'checkin.sync': z.strictObject({
    eventId: id,
    deviceId,
    scans: withinBytes(
      z.array(queuedScan, { error: '离线记录格式不正确' }).max(200, { error: '每批最多同步 200 条' }),
      CALL_BUDGET_BYTES,
      '每批离线记录过多，请分批同步',
    ),
  }),
  /** By name (part of it) or the last four digits of the phone, or the short code. */
  'checkin.find': z.strictObject({
    eventId: id,
    query: z
      .string({ error: '请输入姓名、手机尾号或签到码' })
      .max(untrimmed(20))
      .trim()
      .min(1, { error: '请输入姓名、手机尾号或签到码' })
      .max(20),
  }),
  /** Undo a mistaken check-in (supervisors and organizers). */
  'checkin.undo': z.strictObject({
    eventId: id,
    registrationId,
    reason: reason('请填写撤销原因', '撤销原因最多 100 个字'),
    deviceId,
    scanId,
  }),
  /** Cancel a resident's sign-up, also after check-in or the start, with a reason (audited). */
  'signup.staffCancel': z.strictObject({
    eventId: id,
    registrationId,
    reason: reason('请填写取消原因', '取消原因最多 100 个字'),
    deviceId,
    scanId,
  }),
  /** Sign up a person without a phone of their own, on their behalf. */
  'signup.proxy': signupInput,
  /** The audit log of an event's door (supervisors and organizers). */
  'audit.list': z.strictObject({ eventId: id, ...page(200) }),
} as const;

export type StaffInputs = InputsOf<typeof staffSchemas>;
