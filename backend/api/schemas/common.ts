/**
 * Field schemas shared by the actions of several functions (days, moments, free text, door
 * device and scan ids, evaluation links). Person fields (id, name, phone, the sign-up) live in
 * ../fields.ts. Every string has a maximum on the raw input before `.trim()` (../limits.ts).
 */
import * as z from 'zod';
import { untrimmed } from '../limits';
import { isCalendarDay } from '../../core/time';
import { INVITE_CODE_RE } from '../../core/setup';
import { UPLOAD_ID_RE } from '../../store/files';
import { id } from '../fields';

/** The inputs of a function's actions, inferred from their schemas (what types/api/ exposes). */
export type InputsOf<S extends Record<string, z.ZodType>> = { [A in keyof S]: z.infer<S[A]> };

export const empty = z.strictObject({});
export const openid = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, { error: '人员编号不正确' })
  .max(128, { error: '人员编号不正确' });
export const day = z
  .string({ error: '日期格式应为 YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .max(10, { error: '日期格式应为 YYYY-MM-DD' })
  .refine(isCalendarDay, { error: '日期不存在，请检查月份和日期' });
export const moment = z.int({ error: '时间应为整数毫秒' }).min(946_684_800_000).max(4_102_444_800_000);
/** Required free text of at most `max` characters after trimming. */
export const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .max(untrimmed(max), { error: `${label}最多 ${max} 个字` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}最多 ${max} 个字` });
/** Free text that may be empty. */
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .max(untrimmed(max), { error: `${label}最多 ${max} 个字` })
    .trim()
    .max(max, { error: `${label}最多 ${max} 个字` });
/** A reason that must be given, with its own messages (staff cancel, undo). */
export const reason = (missing: string, tooLong: string, max = 100) =>
  z
    .string({ error: missing })
    .max(untrimmed(max), { error: tooLong })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: tooLong });
export const inviteCode = z
  .string({ error: '请输入邀请码' })
  .max(untrimmed(8), { error: '邀请码为 8 位字母数字' })
  .trim()
  .toUpperCase()
  .regex(INVITE_CODE_RE, { error: '邀请码为 8 位字母数字' });
/** A file the caller uploaded to storage first (`uploads/…`); `missing` when absent. */
export const uploadId = (missing: string) =>
  z.string({ error: missing }).max(300, { error: '文件编号过长' }).regex(UPLOAD_ID_RE, { error: '文件编号不正确' });
export const registrationId = z
  .string({ error: '缺少报名编号' })
  .min(1, { error: '缺少报名编号' })
  .max(200, { error: '报名编号过长' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: '报名编号格式不正确' });
export const formKind = z.enum(['F1', 'F2', 'F3'], { error: '没有这种统计表' });
export const formMode = z.enum(['plan', 'actual'], { error: '请选择计划表或总结表' });
/** Paging of a log: where to start and how many. */
export const page = (maxLimit: number) => ({
  offset: z.int().min(0).max(1_000_000).optional(),
  limit: z.int().min(1).max(maxLimit).optional(),
});

// ---------------------------------------------------------------- evaluation and honours
/** Which campaign (default: the caller's own). */
export const campaignRef = { campaignId: id.optional() };
export const version = z.int({ error: '版本应为整数' }).min(0).max(1_000_000);
export const link = z.strictObject({
  title: text('名称', 60),
  url: z
    .string({ error: '请填写链接' })
    .max(untrimmed(500), { error: '链接过长' })
    .trim()
    .min(1, { error: '请填写链接' })
    .max(500, { error: '链接过长' })
    .regex(/^(https?:\/\/|\/)\S+$/, { error: '链接应以 http(s):// 或 / 开头' }),
});
export const links = z.array(link, { error: '应为列表' }).max(30, { error: '最多 30 项' });
export const fieldKey = z
  .string()
  .max(40, { error: '字段名不正确' })
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, { error: '字段名不正确' });
