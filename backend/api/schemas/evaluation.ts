/**
 * Input schemas of the evaluation actions of the `organizer` function: satisfaction samples,
 * the organisation award and honours (the resident's published list is in ./resident.ts).
 * types/awards-api.ts infers the inputs from them.
 */
import * as z from 'zod';
import { atMostEntries, CALL_BUDGET_BYTES, withinBytes } from '../limits';
import { AWARD_DECISIONS, HONOUR_SUBJECTS, JUDGED_CRITERIA } from '../../../types/awards';
import { id } from '../fields';
import { campaignRef, fieldKey, links, moment, optionalText, text, uploadId, version, type InputsOf } from './common';

const honourField = z.strictObject({ key: fieldKey, label: text('字段名称', 20), personal: z.boolean() });
const nomineeConsent = z.strictObject({
  at: moment,
  how: text('同意方式', 100),
  publicFields: z.array(fieldKey).max(30),
  photoPublic: z.boolean(),
});

export const evaluationSchemas = {
  /** Draw a stratified random sample of attendees and ask them to rate (抽样满意度). */
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
  /** The evaluation sheets of the participating orgs of the level below. */
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
      consent: nomineeConsent.nullable(),
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
  'nomination.photo': z.strictObject({ orgId: id, fileId: uploadId('请上传照片') }),
} as const;

export type EvaluationInputs = InputsOf<typeof evaluationSchemas>;
