/**
 * The `exports` function's actions: statistics forms and attendance as .xlsx, and the import of
 * a unit's 活动项目安排表 (from an uploaded file). All of them need exceljs and may take longer
 * than the 10 s the other functions have: this function has 60 s and bundles exceljs alone.
 */
import type { ExportsActions } from '../../types/api';
import { exportAttendance, exportForm, importSchedule } from '../usecases/form-files';
import { exportRegistrants } from '../usecases/registrants-files';
import { exportDecisions } from '../usecases/award-files';
import { exportHonours } from '../usecases/honours-files';
import { packageTask } from '../usecases/report-package';
import { reportFileLink } from '../usecases/report-files';
import { actionTable, type HandlersOf } from './edge';
import { exportsSchemas } from './schemas/exports';

type Handlers = HandlersOf<ExportsActions>;

export const exportsHandlers: Handlers = {
  'forms.export': (deps, caller, input) => exportForm(deps, caller, input),
  'attendance.export': (deps, caller, input) => exportAttendance(deps, caller, input),
  'events.import': (deps, caller, input) => importSchedule(deps, caller, input),
  'registrants.export': (deps, caller, input) => exportRegistrants(deps, caller, input.eventId),
  'award.export': async (deps, caller, input) => ({ file: await exportDecisions(deps, caller, input.campaignId) }),
  'honours.export': async (deps, caller, input) => ({ file: await exportHonours(deps, caller, input) }),
  'report.package': (deps, caller, input) => packageTask(deps, caller, input.taskId),
  'report.file': (deps, caller, input) => reportFileLink(deps, caller, input),
};

export const exportsTable = actionTable(exportsSchemas, exportsHandlers);
