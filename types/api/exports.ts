/**
 * The `exports` function: work on .xlsx and .zip files (exceljs), with a 60 s timeout and its
 * own bundle, so the 10 s organizer function neither waits on it nor carries exceljs. Inputs are
 * inferred from backend/api/schemas/exports.ts (type-only).
 */
import type { ExportsInputs } from '../../backend/api/schemas/exports';
import type { ImportProblem } from '../forms';
import type { FileOut } from '../awards-api';
import type { ActionsOf } from './envelope';

export interface ExportedFile {
  url: string;
  fileId: string | null;
  fileName: string;
  expiresAt: number;
}

export interface ExportsOutputs {
  /** A download link (H5) or a cloud file (weapp). */
  'forms.export': ExportedFile;
  'attendance.export': ExportedFile;
  'events.import': { created: string[]; skipped: ImportProblem[]; problems: ImportProblem[] };
  /** Phones masked, names full only for the unit's own staff (core/privacy.ts). */
  'registrants.export': ExportedFile;
  'award.export': FileOut;
  'honours.export': FileOut;
  'report.package': ExportedFile;
  /** A temporary link to one uploaded file of a submission (the org and the levels above it). */
  'report.file': ExportedFile;
}

export type ExportsActions = ActionsOf<ExportsInputs, ExportsOutputs>;
