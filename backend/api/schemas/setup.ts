/**
 * Input schemas of the organizer's setup actions: the campaign, the organisation tree, staff
 * and invitations, events and their review, the setup audit log, reminders and posters.
 * types/api/setup.ts infers the inputs from them.
 */
import * as z from 'zod';
import { untrimmed } from '../limits';
import { AUDIENCES, CATEGORIES, EVENT_MODES, UNIT_KINDS } from '../../../types/domain';
import { CONTACT_PHONE_RE, EMAIL_RE } from '../../core/setup';
import { COMPANIONS_CEILING } from '../../core/registration';
import { id } from '../fields';
import { signupQuestions } from '../question-fields';
import { day, empty, inviteCode, moment, openid, optionalText, page, text, type InputsOf } from './common';

const doorMinutes = (error: string) =>
  z
    .int({ error })
    .min(0)
    .max(24 * 60)
    .optional();
const doorSettings = z.strictObject({
  opensBeforeMin: doorMinutes('签到开始时间应为整数分钟'),
  closesAfterMin: doorMinutes('签到结束时间应为整数分钟'),
});
const names = (label: string) => z.array(text(label, 60), { error: `${label}应为列表` }).max(20);
/** Optional text that, when present, is not empty (absent or null: none; an edit clears it). */
const nullishText = (max: number, error: string) =>
  z.string().max(untrimmed(max), { error }).trim().min(1).max(max, { error }).nullish();
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
const capacity = z.int({ error: '名额须为整数' }).min(1, { error: '名额须为正整数' });

/** An event as its organisers enter it (absent eventId: create). */
const eventInput = z.strictObject({
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
  fee: nullishText(40, '收费说明最多 40 字'),
  contactName: nullishText(20, '联系人最多 20 字'),
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
  capacity: capacity.max(100_000, { error: '名额过大' }).nullable(),
});

export const setupSchemas = {
  /** A campaign as an organizer enters it (the district comes from the caller, never the payload). */
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
  'event.save': eventInput,
  'event.review': z.strictObject({
    eventId: id,
    action: z.enum(['submit', 'approve', 'return', 'cancel'], { error: '操作不正确' }),
    reason: optionalText('原因', 200),
  }),
  'event.setCapacity': z.strictObject({ eventId: id, capacity: capacity.max(100_000).nullable() }),
  'setupAudit.list': z.strictObject(page(200)),
  /** Run the reminder scheduler now (it also runs on a timer). */
  'reminders.run': empty,
  /** What a poster of an event needs: its 小程序码 (production) or the page to encode as a QR code (locally). */
  'event.poster': z.strictObject({ eventId: id }),
} as const;

export type SetupInputs = InputsOf<typeof setupSchemas>;
