/**
 * The `organizer` function's actions: live headcounts, entered figures, reconciliation.
 */
import type { z } from 'zod';
import type { OrganizerActions } from '../../types/api';
import type { Caller, Deps } from '../usecases/context';
import { dashboard, enterParticipants, reconcile } from '../usecases/dashboard';
import { exportAttendance, exportForm, formPreview, importSchedule, saveFormProfile } from '../usecases/forms';
import type { organizerSchemas } from './schemas';

type Handlers = {
  [A in keyof OrganizerActions]: (
    deps: Deps,
    caller: Caller,
    input: z.infer<(typeof organizerSchemas)[A]>,
  ) => Promise<OrganizerActions[A]['output']>;
};

export const organizerHandlers: Handlers = {
  'dashboard.get': (deps, caller, input) => dashboard(deps, caller, input.campaignId),
  'attendance.enter': (deps, caller, input) => enterParticipants(deps, caller, input),
  'reconcile.run': (deps, caller, input) => reconcile(deps, caller, input.campaignId),
  'forms.preview': (deps, caller, input) => formPreview(deps, caller, input),
  'forms.saveProfile': async (deps, caller, input) => ({ profile: await saveFormProfile(deps, caller, input) }),
  'forms.export': (deps, caller, input) => exportForm(deps, caller, input),
  'attendance.export': (deps, caller, input) => exportAttendance(deps, caller, input),
  'events.import': (deps, caller, input) => importSchedule(deps, caller, input),
};
