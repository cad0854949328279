/**
 * Input schemas of every action, checked at the edge before any use case runs. Unknown
 * fields are refused (strict objects), strings are bounded, numbers are whole and ranged.
 * The inferred types are asserted equal to the contract in types/api.ts.
 */
import { z } from 'zod';
import { atMostEntries, CALL_BUDGET_BYTES, untrimmed, withinBytes } from './limits';
import type { ExportsActions, OrganizerActions, ResidentActions, StaffActions } from '../../types/api';
import { AUDIENCES, CATEGORIES, EVENT_MODES, REMINDER_KINDS, UNIT_KINDS } from '../../types/domain';
import { AWARD_DECISIONS, HONOUR_SUBJECTS, JUDGED_CRITERIA } from '../../types/awards';
import { CONTACT_PHONE_RE, EMAIL_RE, INVITE_CODE_RE } from '../core/setup';
import { COMPANIONS_CEILING } from '../core/registration';
import { id, personName, phone, signupInput } from './fields';
import { signupQuestions } from './question-fields';
import { reportingSchemas } from './report-schemas';
import { isCalendarDay } from '../core/time';
import { UPLOAD_ID_RE } from '../store/files';
import { RECONCILE_PAGE } from '../usecases/dashboard';

/**
 * Every string and array has a declared maximum on the raw input (before trimming), so that the
 * largest payload any action accepts can be bounded from the schemas alone and stays under
 * WeChat's ~100 KB callFunction limit (tests/api/payload-ceiling.test.ts). Free text gets room
 * for surrounding whitespace that trimming removes.
 */
export { CALL_BUDGET_BYTES } from './limits';
const openid = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, { error: '人员编号不正确' })
  .max(128, { error: '人员编号不正确' });
const day = z
  .string({ error: '日期格式应为 YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .max(10, { error: '日期格式应为 YYYY-MM-DD' })
  .refine(isCalendarDay, { error: '日期不存在，请检查月份和日期' });
const doorSettings = z.strictObject({
  opensBeforeMin: z
    .int({ error: '签到开始时间应为整数分钟' })
    .min(0)
    .max(24 * 60)
    .optional(),
  closesAfterMin: z
    .int({ error: '签到结束时间应为整数分钟' })
    .min(0)
    .max(24 * 60)
    .optional(),
});
/** A supervisor's reason for admitting outside the check-in window. */
const override = z
  .string()
  .max(untrimmed(60), { error: '放行原因最多 60 个字' })
  .trim()
  .min(2, { error: '请填写放行原因' })
  .max(60, { error: '放行原因最多 60 个字' });
const empty = z.strictObject({});
const inviteCode = z
  .string({ error: '请输入邀请码' })
  .max(untrimmed(8), { error: '邀请码为 8 位字母数字' })
  .trim()
  .toUpperCase()
  .regex(INVITE_CODE_RE, { error: '邀请码为 8 位字母数字' });
const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .max(untrimmed(max), { error: `${label}最多 ${max} 个字` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}最多 ${max} 个字` });
const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .max(untrimmed(max), { error: `${label}最多 ${max} 个字` })
    .trim()
    .max(max, { error: `${label}最多 ${max} 个字` });
const names = (label: string) => z.array(text(label, 60), { error: `${label}应为列表` }).max(20);
const moment = z.int({ error: '时间应为整数毫秒' }).min(946_684_800_000).max(4_102_444_800_000);
const contact = z.strictObject({
  name: optionalText('负责人姓名', 20),
  position: optionalText('单位职务', 40),
  phone: z
    .string()
    .max(untrimmed(20), { error: '联系电话格式不正确（手机或带区号的座机）' })
    .trim()
    .refine((v) => v === '' || CONTACT_PHONE_RE.test(v), { error: '联系电话格式不正确（手机或带区号的座机）' }),
  email: z
    .string()
    .max(untrimmed(100), { error: 'E-mail 格式不正确' })
    .trim()
    .refine((v) => v === '' || EMAIL_RE.test(v), { error: 'E-mail 格式不正确' }),
});
const formKind = z.enum(['F1', 'F2', 'F3'], { error: '没有这种统计表' });
const formMode = z.enum(['plan', 'actual'], { error: '请选择计划表或总结表' });
const registrationIdSchema = z
  .string({ error: '缺少报名编号' })
  .min(1, { error: '缺少报名编号' })
  .max(200, { error: '报名编号过长' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: '报名编号格式不正确' });
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
const walkinCompanions = z.int({ error: '同行人数应为整数' }).min(0, { error: '同行人数不能为负数' }).max(50);
/** Walk-ins may leave name and phone out; what they give must still be well formed. */
const walkinFields = {
  name: personName.optional(),
  phone: phone.optional(),
  companions: walkinCompanions,
};

// ---------------------------------------------------------------- evaluation (awards, sampling, honours)
const campaignRef = { campaignId: id.optional() };
const version = z.int({ error: '版本应为整数' }).min(0).max(1_000_000);
const link = z.strictObject({
  title: text('名称', 60),
  url: z
    .string({ error: '请填写链接' })
    .max(untrimmed(500), { error: '链接过长' })
    .trim()
    .min(1, { error: '请填写链接' })
    .max(500, { error: '链接过长' })
    .regex(/^(https?:\/\/|\/)\S+$/, { error: '链接应以 http(s):// 或 / 开头' }),
});
const links = z.array(link, { error: '应为列表' }).max(30, { error: '最多 30 项' });
const fieldKey = z
  .string()
  .max(40, { error: '字段名不正确' })
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, { error: '字段名不正确' });
const honourField = z.strictObject({ key: fieldKey, label: text('字段名称', 20), personal: z.boolean() });
const evaluationSchemas = {
  'sampling.draw': z.strictObject({
    ...campaignRef,
    margin: z
      .number({ error: '请填写误差范围' })
      .min(0.01, { error: '误差范围至少 1%' })
      .max(0.2, { error: '误差范围最多 20%' }),
    seed: z
      .int({ error: '种子应为整数' })
      .min(1)
      .max(2 ** 31)
      .optional(),
  }),
  'sampling.view': z.strictObject(campaignRef),
  'award.sheets': z.strictObject(campaignRef),
  'award.score': z.strictObject({
    ...campaignRef,
    orgId: id,
    criterion: z.enum(JUDGED_CRITERIA, { error: '没有这一评审项' }),
    score: z.int({ error: '评分应为整数' }).min(0, { error: '评分不能为负数' }).max(20, { error: '每项最多 20 分' }),
    comment: optionalText('评审意见', 300),
    version,
  }),
  'award.evidence': withinBytes(
    z.strictObject({ ...campaignRef, orgId: id, evidence: links, publicity: links, version }),
    CALL_BUDGET_BYTES,
    '材料过多，请精简后再保存',
  ),
  'award.decide': z.strictObject({
    ...campaignRef,
    orgId: id,
    decision: z.enum(AWARD_DECISIONS, { error: '请选择评定结果' }),
    version,
  }),
  'honours.kinds': z.strictObject(campaignRef),
  'honours.saveKind': z.strictObject({
    ...campaignRef,
    id: id.optional(),
    name: text('评选项目名称', 30),
    subject: z.enum(HONOUR_SUBJECTS, { error: '请选择评选对象' }),
    fields: z.array(honourField).max(20, { error: '最多 20 个字段' }),
    textMin: z.int().min(0).max(10_000),
    textMax: z.int().min(1).max(10_000),
    photoRequired: z.boolean(),
    quotaPerOrg: z.int().min(1).max(1000).nullable(),
    columns: z.array(fieldKey).max(20),
  }),
  'nominations.list': z.strictObject(campaignRef),
  'nomination.save': withinBytes(
    z.strictObject({
      id: id.optional(),
      ...campaignRef,
      kindId: id,
      orgId: id,
      nomineeName: optionalText('被推荐对象', 60),
      fields: atMostEntries(z.record(fieldKey, z.string().max(500, { error: '内容最多 500 字' })), 20, '字段过多'),
      text: z.string({ error: '事迹材料应为文字' }).max(10_000, { error: '事迹材料最多 10000 字' }),
      photos: z
        .array(
          z
            .string()
            .max(500)
            .regex(/^(https?:\/\/|\/)\S+$/, { error: '照片链接不正确' }),
        )
        .max(9, { error: '最多 9 张照片' }),
      files: links,
      consent: z
        .strictObject({
          at: moment,
          how: text('同意方式', 100),
          publicFields: z.array(fieldKey).max(30),
          photoPublic: z.boolean(),
        })
        .nullable(),
      version: version.optional(),
    }),
    CALL_BUDGET_BYTES,
    '推荐材料过多，请精简后再保存',
  ),
  'nomination.act': z.strictObject({
    id,
    action: z.enum(['submit', 'return', 'recommend', 'approve'], { error: '没有这种操作' }),
    reason: optionalText('理由', 200),
    version,
  }),
  'nomination.photo': z.strictObject({
    orgId: id,
    fileId: z
      .string({ error: '请上传照片' })
      .max(300, { error: '文件编号过长' })
      .regex(UPLOAD_ID_RE, { error: '文件编号不正确' }),
  }),
} as const;

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
  'online.join': z.strictObject({ eventId: id }),
  'checkin.codes': z.strictObject({ registrationId: registrationIdSchema }),
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
    registrationId: registrationIdSchema,
    score: z.int({ error: '请选择 1–5 分' }).min(1, { error: '请选择 1–5 分' }).max(5, { error: '请选择 1–5 分' }),
    comment: z.string({ error: '评价内容应为文字' }).max(200, { error: '评价最多 200 个字' }),
  }),
  'honours.published': z.strictObject(campaignRef),
} as const;

export const staffSchemas = {
  'staff.events': z.strictObject({ day: day.optional() }),
  'checkin.config': empty,
  'checkin.roster': z.strictObject({ eventId: id }),
  'roster.answers': z.strictObject({ eventId: id }),
  'venue.codes': z.strictObject({ eventId: id, printed: z.boolean().optional() }),
  'checkin.scan': z.strictObject({ eventId: id, deviceId, scanId, code, override: override.optional() }),
  'checkin.manual': z.strictObject({
    eventId: id,
    deviceId,
    scanId,
    registrationId: registrationIdSchema,
    override: override.optional(),
  }),
  'checkin.walkin': z.strictObject({ eventId: id, deviceId, scanId, ...walkinFields, override: override.optional() }),
  'checkin.sync': z.strictObject({
    eventId: id,
    deviceId,
    scans: withinBytes(
      z
        .array(
          z.discriminatedUnion('kind', [
            z.strictObject({ scanId, kind: z.literal('code'), code, scannedAt }),
            z.strictObject({ scanId, kind: z.literal('manual'), registrationId: registrationIdSchema, scannedAt }),
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
          ]),
          { error: '离线记录格式不正确' },
        )
        .max(200, { error: '每批最多同步 200 条' }),
      CALL_BUDGET_BYTES,
      '每批离线记录过多，请分批同步',
    ),
  }),
  'checkin.find': z.strictObject({
    eventId: id,
    query: z
      .string({ error: '请输入姓名、手机尾号或签到码' })
      .max(untrimmed(20))
      .trim()
      .min(1, { error: '请输入姓名、手机尾号或签到码' })
      .max(20),
  }),
  'checkin.undo': z.strictObject({
    eventId: id,
    registrationId: registrationIdSchema,
    reason: z
      .string({ error: '请填写撤销原因' })
      .max(untrimmed(100))
      .trim()
      .min(1, { error: '请填写撤销原因' })
      .max(100),
    deviceId,
    scanId,
  }),
  'signup.staffCancel': z.strictObject({
    eventId: id,
    registrationId: registrationIdSchema,
    reason: z
      .string({ error: '请填写取消原因' })
      .max(untrimmed(100), { error: '取消原因最多 100 个字' })
      .trim()
      .min(1, { error: '请填写取消原因' })
      .max(100, { error: '取消原因最多 100 个字' }),
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
    note: z
      .string({ error: '请说明数据来源' })
      .max(untrimmed(100), { error: '说明最多 100 个字' })
      .trim()
      .max(100, { error: '说明最多 100 个字' }),
  }),
  'reconcile.run': z.strictObject({
    campaignId: id.optional(),
    cursor: z.int().min(0).max(1_000_000).optional(),
    limit: z.int().min(1).max(RECONCILE_PAGE).optional(),
  }),
  'forms.preview': z.strictObject({ kind: formKind, orgId: id.optional(), mode: formMode.optional() }),
  'forms.saveProfile': withinBytes(
    z.strictObject({
      kind: formKind,
      orgId: id,
      fields: atMostEntries(
        z.record(
          z
            .string()
            .regex(/^[A-Za-z]{1,40}$/, { error: '字段名不正确' })
            .max(40, { error: '字段名不正确' }),
          z.string().max(2000, { error: '内容最多 2000 字' }),
        ),
        40,
        '字段过多',
      ),
      mobilisationEventId: id.nullable().optional(),
      contentOverrides: atMostEntries(
        z.record(id, z.string().max(500, { error: '形式与内容最多 500 字' })),
        500,
        '条目过多',
      ).optional(),
      expected: atMostEntries(
        z.record(id, z.int({ error: '预计人数应为整数' }).min(0, { error: '预计人数不能为负数' }).max(100_000)),
        500,
        '条目过多',
      ).optional(),
    }),
    CALL_BUDGET_BYTES,
    '填写的内容过多，请精简后再保存',
  ),
  'registrants.notify': z.strictObject({
    eventId: id,
    text: z
      .string({ error: '请填写通知内容' })
      .max(untrimmed(200), { error: '通知内容最多 200 个字' })
      .trim()
      .min(2, { error: '通知内容至少 2 个字' })
      .max(200, { error: '通知内容最多 200 个字' }),
  }),
  'campaign.save': z.strictObject({
    id: id.optional(),
    name: text('活动名称', 60),
    theme: text('活动主题', 60),
    weekStart: day,
    weekEnd: day,
    periodStart: day.optional(),
    periodEnd: day.optional(),
    hosts: names('主办单位'),
    coHosts: names('协办单位'),
    undertakers: names('承办单位'),
    opening: z.strictObject({ place: text('开幕式地点', 60), startAt: moment }).optional(),
    door: doorSettings.optional(),
    deadlines: z
      .array(z.strictObject({ label: text('报送事项', 40), day }))
      .max(10)
      .optional(),
    parentCampaignId: id.optional(),
    dateRule: z
      .discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('week') }),
        z.strictObject({ kind: z.literal('period') }),
        z.strictObject({ kind: z.literal('around_parent_opening'), withinDays: z.int().min(1).max(92) }),
      ])
      .optional(),
  }),
  'org.list': empty,
  'org.save': z.strictObject({
    id: id.optional(),
    name: text('单位名称', 60),
    kind: z.enum(['province', 'city', 'district', 'county', 'street', 'town', 'unit'], { error: '单位类型不正确' }),
    parentId: id.nullable(),
    unitKind: z.enum(UNIT_KINDS, { error: '单位类别不正确' }).optional(),
    contact: contact.optional(),
  }),
  'staff.list': empty,
  'staff.update': z.strictObject({
    openid,
    role: z.enum(['staff', 'supervisor', 'organizer', 'admin'], { error: '角色不正确' }),
    unitIds: z.array(id).max(20),
    name: text('姓名', 20),
  }),
  'staff.revoke': z.strictObject({ openid }),
  'invite.create': z.strictObject({
    role: z.enum(['staff', 'supervisor', 'organizer'], { error: '只能邀请工作人员、主管或组织者' }),
    unitId: id.optional(),
    name: text('被邀请人姓名', 20),
    hours: z
      .int({ error: '有效期应为整数小时' })
      .min(1, { error: '有效期至少 1 小时' })
      .max(168, { error: '有效期最长 7 天' }),
  }),
  'invite.list': empty,
  'invite.revoke': z.strictObject({ code: inviteCode }),
  'events.managed': empty,
  'event.save': z.strictObject({
    eventId: id.optional(),
    unitId: id,
    title: text('活动项目', 60),
    content: optionalText('形式与内容', 500),
    venue: text('活动地点', 100),
    startAt: moment,
    endAt: moment,
    category: z.enum(CATEGORIES, { error: '没有这个活动类别' }),
    audiences: z
      .array(z.enum(AUDIENCES, { error: '没有这个参与对象' }))
      .min(1, { error: '请至少选择一类参与对象' })
      .max(8),
    mode: z.enum(EVENT_MODES, { error: '请选择线上或线下' }),
    onlineUrl: z
      .url({ error: '参与链接须为网址', protocol: /^https$/ })
      .max(300)
      .optional(),
    free: z.boolean(),
    // Absent or null: none (an edit clears what was there).
    fee: z
      .string()
      .max(untrimmed(40), { error: '收费说明最多 40 字' })
      .trim()
      .min(1)
      .max(40, { error: '收费说明最多 40 字' })
      .nullish(),
    contactName: z
      .string()
      .max(untrimmed(20), { error: '联系人最多 20 字' })
      .trim()
      .min(1)
      .max(20, { error: '联系人最多 20 字' })
      .nullish(),
    contactPhone: z
      .string()
      .max(20, { error: '联系电话须为手机号或带区号的座机号' })
      .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { error: '联系电话须为手机号或带区号的座机号' })
      .nullish(),
    location: z
      .strictObject({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        address: z
          .string()
          .max(untrimmed(100), { error: '地图地址最多 100 字' })
          .trim()
          .min(1)
          .max(100, { error: '地图地址最多 100 字' })
          .optional(),
      })
      .nullish(),
    questions: signupQuestions,
    venueRole: z.enum(['main', 'sub']).nullable(),
    maxCompanions: z.int().min(0, { error: '同行人数不能为负数' }).max(COMPANIONS_CEILING),
    capacity: z
      .int({ error: '名额须为整数' })
      .min(1, { error: '名额须为正整数' })
      .max(100_000, { error: '名额过大' })
      .nullable(),
  }),
  'event.review': z.strictObject({
    eventId: id,
    action: z.enum(['submit', 'approve', 'return', 'cancel'], { error: '操作不正确' }),
    reason: optionalText('原因', 200),
  }),
  'event.setCapacity': z.strictObject({
    eventId: id,
    capacity: z.int({ error: '名额须为整数' }).min(1, { error: '名额须为正整数' }).max(100_000).nullable(),
  }),
  'setupAudit.list': z.strictObject({
    offset: z.int().min(0).max(1_000_000).optional(),
    limit: z.int().min(1).max(200).optional(),
  }),
  'reminders.run': empty,
  'event.poster': z.strictObject({ eventId: id }),
  ...evaluationSchemas,
  ...reportingSchemas,
} as const;

export const exportsSchemas = {
  'forms.export': z.strictObject({ kind: formKind, orgId: id.optional(), mode: formMode.optional() }),
  'attendance.export': z.strictObject({ eventId: id.optional(), unitId: id.optional() }),
  'events.import': z.strictObject({
    unitId: id,
    fileId: z
      .string({ error: '请上传 Excel 文件' })
      .max(300, { error: '文件编号过长' })
      .regex(UPLOAD_ID_RE, { error: '文件编号不正确' }),
  }),
  'registrants.export': z.strictObject({ eventId: id }),
  'award.export': z.strictObject(campaignRef),
  'honours.export': z.strictObject({ ...campaignRef, kindId: id }),
  'report.package': z.strictObject({ taskId: id }),
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
type ExportsSchemasMatchContract = {
  [A in keyof ExportsActions]: Equal<
    Simplify<z.infer<(typeof exportsSchemas)[A]>>,
    Simplify<ExportsActions[A]['input']>
  >;
};
export const exportsSchemasMatchContract: { [A in keyof ExportsActions]: true } =
  null as unknown as ExportsSchemasMatchContract;
