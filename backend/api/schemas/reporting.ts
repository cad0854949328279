/**
 * Input schemas of the reporting chain's actions (rollup.get, report.*), spread into the
 * organizer's schemas. Files are references to what the phone uploaded (cloud file ids),
 * never their bytes. types/api/reporting.ts infers the inputs from them.
 */
import * as z from 'zod';
import { atMostEntries, CALL_BUDGET_BYTES, withinBytes } from '../limits';
import { id } from '../fields';
import { empty, type InputsOf } from './common';
import { UPLOAD_ID_RE } from '../../store/files';

const day = z
  .string({ error: '日期格式应为 YYYY-MM-DD' })
  .max(10, { error: '日期格式应为 YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });
const label = z
  .string()
  .max(160, { error: '名称最多 60 个字' })
  .trim()
  .min(1, { error: '请填写名称' })
  .max(60, { error: '名称最多 60 个字' });
const key = z
  .string()
  .max(24, { error: '编号格式不正确' })
  .regex(/^[a-z][a-z0-9_]{0,23}$/, { error: '编号格式不正确' });
const count = (max: number) => z.int({ error: '应为整数' }).min(0).max(max);
const orgKind = z.enum(['province', 'city', 'district', 'county', 'street', 'town', 'unit'], {
  error: '单位层级不正确',
});

const item = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('form'),
    key,
    label,
    required: z.boolean(),
    form: z.enum(['F1', 'F2', 'F3', 'rollup']),
    mode: z.enum(['plan', 'actual']),
  }),
  z.strictObject({
    kind: z.literal('text'),
    key,
    label,
    required: z.boolean(),
    minChars: count(50_000),
    maxChars: count(50_000),
  }),
  z.strictObject({
    kind: z.literal('photos'),
    key,
    label,
    required: z.boolean(),
    count: count(50),
    minWidth: count(10_000),
    minHeight: count(10_000),
    orVideoSeconds: count(3600).optional(),
  }),
  z.strictObject({ kind: z.literal('video'), key, label, required: z.boolean(), maxSeconds: count(3600) }),
  z.strictObject({
    kind: z.literal('cases'),
    key,
    label,
    required: z.boolean(),
    count: count(20),
    titleMax: count(100),
    minChars: count(10_000),
    maxChars: count(10_000),
    images: count(20),
  }),
  z.strictObject({ kind: z.literal('scan'), key, label, required: z.boolean() }),
]);

const file = z.strictObject({
  fileId: z.string().max(300, { error: '文件编号过长' }).regex(UPLOAD_ID_RE, { error: '文件编号格式不正确' }),
  name: z.string().max(200).trim().min(1).max(100),
  mime: z.string().max(100),
  size: z
    .int()
    .min(0)
    .max(2 ** 40),
  width: count(100_000).optional(),
  height: count(100_000).optional(),
  durationSec: z.number().min(0).max(86_400).optional(),
  caption: z.string().max(200).trim().max(100).optional(),
});

const answer = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('form') }),
  z.strictObject({ kind: z.literal('text'), text: z.string().max(60_000) }),
  z.strictObject({ kind: z.literal('photos'), photos: z.array(file).max(50), video: file.optional() }),
  z.strictObject({ kind: z.literal('video'), video: file }),
  z.strictObject({
    kind: z.literal('cases'),
    cases: z
      .array(
        z.strictObject({ title: z.string().max(100), text: z.string().max(12_000), images: z.array(file).max(20) }),
      )
      .max(20),
  }),
  z.strictObject({ kind: z.literal('scan'), file }),
]);

const taskRef = { taskId: id };
const submissionRef = { taskId: id, orgId: id };

export const reportingSchemas = {
  /** A campaign with the campaigns that joined it, for an organizer at or above its org (default: the caller's own). */
  'rollup.get': z.strictObject({ campaignId: id.optional() }),
  'report.presets': empty,
  'report.create': z.strictObject({
    title: label.optional(),
    deadline: day.optional(),
    closesOn: day.nullable().optional(),
    targetKind: orgKind,
    items: z.array(item).max(20).optional(),
    preset: id.optional(),
    year: z.int().min(2000).max(2100).optional(),
    campaignId: id.optional(),
  }),
  'report.list': empty,
  'report.submit': withinBytes(
    z.strictObject({
      ...submissionRef,
      answers: atMostEntries(z.record(key, answer), 20, '材料项过多'),
    }),
    CALL_BUDGET_BYTES,
    '上报内容过多，请精简文字或分次上传',
  ),
  'report.get': z.strictObject(submissionRef),
  'report.decide': z.strictObject({
    ...submissionRef,
    action: z.enum(['return', 'approve']),
    reason: z.string().max(300).trim().max(200).optional(),
  }),
  'report.track': z.strictObject(taskRef),
  'report.remind': z.strictObject(taskRef),
  'report.subscribe': z.strictObject({ accepted: z.boolean({ error: '应为是或否' }) }),
} as const;

/** The reporting chain's actions of the `exports` function (files: 60 s, its own bundle). */
export const reportingExportSchemas = {
  'report.package': z.strictObject(taskRef),
  'report.file': z.strictObject({
    ...submissionRef,
    fileId: z.string().max(300, { error: '文件编号过长' }).regex(UPLOAD_ID_RE, { error: '文件编号格式不正确' }),
  }),
} as const;

export type ReportingInputs = InputsOf<typeof reportingSchemas>;
export type ReportingExportInputs = InputsOf<typeof reportingExportSchemas>;
