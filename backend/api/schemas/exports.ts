/**
 * Input schemas of the `exports` function's actions (work on .xlsx and .zip files: 60 s,
 * exceljs in its own bundle). types/api/exports.ts infers the inputs from them.
 */
import * as z from 'zod';
import { id } from '../fields';
import { reportingExportSchemas } from './reporting';
import { campaignRef, formKind, formMode, uploadId, type InputsOf } from './common';

export const exportsSchemas = {
  /** The form as an .xlsx like the paper. */
  'forms.export': z.strictObject({ kind: formKind, orgId: id.optional(), mode: formMode.optional() }),
  /** Who checked in when (masked phones), for an event or a whole unit. */
  'attendance.export': z.strictObject({ eventId: id.optional(), unitId: id.optional() }),
  /** Create events in bulk from a unit's 活动项目安排表 (.xlsx, uploaded first; the call carries its id). */
  'events.import': z.strictObject({ unitId: id, fileId: uploadId('请上传 Excel 文件') }),
  /** Everyone signed up before the event (names full only for the unit's own staff). */
  'registrants.export': z.strictObject({ eventId: id }),
  /** The organisation award's decision list. */
  'award.export': z.strictObject(campaignRef),
  /** An honour's 汇总表: the nominations the caller's level sees. */
  'honours.export': z.strictObject({ ...campaignRef, kindId: id }),
  /** Everything of a reporting task as one .zip, organised by org, and one file's temporary link. */
  ...reportingExportSchemas,
} as const;

export type ExportsInputs = InputsOf<typeof exportsSchemas>;
