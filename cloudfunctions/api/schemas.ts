/**
 * Input schemas of every action, checked at the edge before any use case runs. Unknown
 * fields are refused (strict objects), strings are bounded, numbers are whole and ranged.
 * The inferred types are asserted equal to the contract in types/api.ts.
 */
import { z } from 'zod';
import type { OrganizerActions, ResidentActions, StaffActions } from '../../types/api';
import { AUDIENCES, CATEGORIES } from '../../types/domain';
import { COMPANIONS_CEILING, NAME_MAX, PHONE_RE } from '../core/registration';

const id = z
  .string({ error: '缺少编号' })
  .min(1, { error: '缺少编号' })
  .max(96, { error: '编号过长' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: '编号格式不正确' });
const day = z
  .string({ error: '日期格式应为 YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });
const empty = z.strictObject({});
const formKind = z.enum(['F1', 'F2', 'F3'], { error: '没有这种统计表' });
const formMode = z.enum(['plan', 'actual'], { error: '请选择计划表或总结表' });
const registrationIdSchema = z
  .string({ error: '缺少报名编号' })
  .min(1, { error: '缺少报名编号' })
  .max(200, { error: '报名编号过长' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: '报名编号格式不正确' });
const personName = z
  .string({ error: '请填写姓名' })
  .trim()
  .min(1, { error: '请填写姓名' })
  .max(NAME_MAX, { error: `姓名最多 ${NAME_MAX} 个字` })
  // Letters, marks, spaces and the middle dot of minority names; no digits or symbols.
  .regex(/^[\p{L}\p{M}·・. ]+$/u, { error: '姓名只能包含文字' });
const phone = z.string({ error: '请填写手机号' }).regex(PHONE_RE, { error: '请填写 11 位手机号' });
const companions = z
  .int({ error: '同行家属人数应为整数' })
  .min(0, { error: '同行家属人数不能为负数' })
  .max(COMPANIONS_CEILING, { error: `同行家属最多 ${COMPANIONS_CEILING} 位` });
const signupInput = z.strictObject({
  eventId: id,
  name: personName,
  phone,
  companions,
  consent: z.boolean({ error: '请确认是否同意个人信息保护说明' }),
});
const deviceId = z.string({ error: '缺少设备编号' }).regex(/^[A-Za-z0-9_-]{4,64}$/, { error: '设备编号格式不正确' });
const scanId = z.string({ error: '缺少扫码编号' }).regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '扫码编号格式不正确' });
const code = z.string({ error: '缺少签到码' }).min(1, { error: '缺少签到码' }).max(400, { error: '签到码过长' });
const scannedAt = z.int({ error: '扫码时间应为整数毫秒' }).min(0).max(8_640_000_000_000);
const walkinCompanions = z.int({ error: '同行人数应为整数' }).min(0, { error: '同行人数不能为负数' }).max(50);
/** Walk-ins may leave name and phone out; what they give must still be well formed. */
const walkinFields = {
  name: personName.optional(),
  phone: phone.optional(),
  companions: walkinCompanions,
};

export const envelopeSchema = z.strictObject({
  action: z.string().min(1).max(64),
  data: z.unknown().optional(),
});

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
  'signup.create': signupInput,
  'signup.cancel': z.strictObject({
    registrationId: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/),
  }),
  'signup.mine': empty,
  'checkin.codes': z.strictObject({ registrationId: registrationIdSchema }),
  'rating.submit': z.strictObject({
    registrationId: registrationIdSchema,
    score: z.int({ error: '请选择 1–5 分' }).min(1, { error: '请选择 1–5 分' }).max(5, { error: '请选择 1–5 分' }),
    comment: z.string({ error: '评价内容应为文字' }).max(200, { error: '评价最多 200 个字' }),
  }),
} as const;

export const staffSchemas = {
  'staff.events': z.strictObject({ day: day.optional() }),
  'checkin.config': empty,
  'checkin.roster': z.strictObject({ eventId: id }),
  'checkin.scan': z.strictObject({ eventId: id, deviceId, scanId, code }),
  'checkin.manual': z.strictObject({ eventId: id, deviceId, scanId, registrationId: registrationIdSchema }),
  'checkin.walkin': z.strictObject({ eventId: id, deviceId, scanId, ...walkinFields }),
  'checkin.sync': z.strictObject({
    eventId: id,
    deviceId,
    scans: z
      .array(
        z.discriminatedUnion('kind', [
          z.strictObject({ scanId, kind: z.literal('code'), code, scannedAt }),
          z.strictObject({ scanId, kind: z.literal('manual'), registrationId: registrationIdSchema, scannedAt }),
          z.strictObject({ scanId, kind: z.literal('walkin'), ...walkinFields, scannedAt }),
        ]),
        { error: '离线记录格式不正确' },
      )
      .max(200, { error: '每批最多同步 200 条' }),
  }),
  'checkin.find': z.strictObject({
    eventId: id,
    query: z
      .string({ error: '请输入姓名、手机尾号或签到码' })
      .trim()
      .min(1, { error: '请输入姓名、手机尾号或签到码' })
      .max(20),
  }),
  'checkin.undo': z.strictObject({
    eventId: id,
    registrationId: registrationIdSchema,
    reason: z.string({ error: '请填写撤销原因' }).trim().min(1, { error: '请填写撤销原因' }).max(100),
    deviceId,
    scanId,
  }),
  'signup.proxy': signupInput,
  'audit.list': z.strictObject({
    eventId: id,
    offset: z.int().min(0).max(1_000_000).optional(),
    limit: z.int().min(1).max(200).optional(),
  }),
} as const;

export const organizerSchemas = {
  'dashboard.get': z.strictObject({ campaignId: id.optional() }),
  'attendance.enter': z.strictObject({
    eventId: id,
    participants: z
      .int({ error: '参与人数应为整数' })
      .min(0, { error: '参与人数不能为负数' })
      .max(10_000_000, { error: '参与人数过大' })
      .nullable(),
    note: z.string({ error: '请说明数据来源' }).trim().max(100, { error: '说明最多 100 个字' }),
  }),
  'reconcile.run': z.strictObject({ campaignId: id.optional() }),
  'forms.preview': z.strictObject({ kind: formKind, orgId: id.optional(), mode: formMode.optional() }),
  'forms.saveProfile': z.strictObject({
    kind: formKind,
    orgId: id,
    fields: z
      .record(
        z.string().regex(/^[A-Za-z]{1,40}$/, { error: '字段名不正确' }),
        z.string().max(2000, { error: '内容最多 2000 字' }),
      )
      .refine((fields) => Object.keys(fields).length <= 40, { error: '字段过多' }),
    mobilisationEventId: id.nullable().optional(),
    contentOverrides: z
      .record(id, z.string().max(500, { error: '形式与内容最多 500 字' }))
      .refine((o) => Object.keys(o).length <= 500, { error: '条目过多' })
      .optional(),
  }),
  'forms.export': z.strictObject({ kind: formKind, orgId: id.optional(), mode: formMode.optional() }),
  'attendance.export': z.strictObject({ eventId: id.optional(), unitId: id.optional() }),
  'events.import': z.strictObject({
    unitId: id,
    fileBase64: z
      .string({ error: '请上传 Excel 文件' })
      .min(1, { error: '请上传 Excel 文件' })
      .max(700_000, { error: '文件过大（最多约 500 KB）' })
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: '文件编码不正确' }),
  }),
} as const;

type Simplify<T> = { [K in keyof T]: T[K] };
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type SchemaMatchesContract = {
  [A in keyof ResidentActions]: Equal<
    Simplify<z.infer<(typeof residentSchemas)[A]>>,
    Simplify<ResidentActions[A]['input']>
  >;
};
type StaffSchemasMatchContract = {
  [A in keyof StaffActions]: Equal<Simplify<z.infer<(typeof staffSchemas)[A]>>, Simplify<StaffActions[A]['input']>>;
};
/** Compile-time proof that every schema produces exactly its contract's input type. */
export const residentSchemasMatchContract: { [A in keyof ResidentActions]: true } =
  null as unknown as SchemaMatchesContract;
type OrganizerSchemasMatchContract = {
  [A in keyof OrganizerActions]: Equal<
    Simplify<z.infer<(typeof organizerSchemas)[A]>>,
    Simplify<OrganizerActions[A]['input']>
  >;
};
export const organizerSchemasMatchContract: { [A in keyof OrganizerActions]: true } =
  null as unknown as OrganizerSchemasMatchContract;
export const staffSchemasMatchContract: { [A in keyof StaffActions]: true } =
  null as unknown as StaffSchemasMatchContract;
