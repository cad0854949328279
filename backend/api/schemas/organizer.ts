/**
 * Input schemas of the `organizer` function: its own actions (live headcounts, entered figures,
 * reconciliation, the statistics forms, a notice to registrants) together with the setup,
 * evaluation and reporting actions it also routes. types/api/organizer.ts infers the inputs.
 */
import * as z from 'zod';
import { atMostEntries, CALL_BUDGET_BYTES, untrimmed, withinBytes } from '../limits';
import { RECONCILE_PAGE } from '../../core/paging';
import { id } from '../fields';
import { formKind, formMode, type InputsOf } from './common';
import { setupSchemas } from './setup';
import { evaluationSchemas } from './evaluation';
import { reportingSchemas } from './reporting';

export const organizerOwnSchemas = {
  /** Live headcounts of the caller's scope: the district for organizers, their units for staff. */
  'dashboard.get': z.strictObject({ campaignId: id.optional() }),
  /** Enter (or clear, with null) the participant figure of an online activity or one without check-in. */
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
  /** One page of events per call: pass back `next` as `cursor` until it is null. */
  'reconcile.run': z.strictObject({
    campaignId: id.optional(),
    cursor: z.int().min(0).max(1_000_000).optional(),
    limit: z.int().min(1).max(RECONCILE_PAGE).optional(),
  }),
  /** orgId: a unit (F1, F2) or the district (F3). */
  'forms.preview': z.strictObject({ kind: formKind, orgId: id.optional(), mode: formMode.optional() }),
  /** The typed fields of a form, reused next time; `expected`: F2 plan participants per event. */
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
  /** A short notice to everyone signed up (in the app, and as a 活动提醒 message where subscribed). */
  'registrants.notify': z.strictObject({
    eventId: id,
    text: z
      .string({ error: '请填写通知内容' })
      .max(untrimmed(200), { error: '通知内容最多 200 个字' })
      .trim()
      .min(2, { error: '通知内容至少 2 个字' })
      .max(200, { error: '通知内容最多 200 个字' }),
  }),
} as const;

export const organizerSchemas = {
  ...organizerOwnSchemas,
  ...setupSchemas,
  ...evaluationSchemas,
  ...reportingSchemas,
} as const;

export type OrganizerOwnInputs = InputsOf<typeof organizerOwnSchemas>;
export type OrganizerInputs = InputsOf<typeof organizerSchemas>;
