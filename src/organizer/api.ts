/** Typed calls to the `organizer` cloud function (dashboard, entered figures, forms) and the `exports` one (.xlsx files). */
import type { ActionInput, ActionName, ActionOutput, ApiResult } from '../../types/api';
import { callFunction } from '../platform/call';

export type OrganizerAction = ActionName<'organizer'>;
export type OrganizerInput<A extends OrganizerAction> = ActionInput<'organizer', A>;
export type OrganizerOutput<A extends OrganizerAction> = ActionOutput<'organizer', A>;

export function callOrganizer<A extends OrganizerAction>(
  action: A,
  data: OrganizerInput<A>,
): Promise<ApiResult<OrganizerOutput<A>>> {
  return callFunction<OrganizerOutput<A>>('organizer', action, data);
}

export type ExportsAction = ActionName<'exports'>;

/** Export and import actions run in their own function (60 s, exceljs); see backend/api/exports.ts. */
export function callExports<A extends ExportsAction>(
  action: A,
  data: ActionInput<'exports', A>,
): Promise<ApiResult<ActionOutput<'exports', A>>> {
  return callFunction<ActionOutput<'exports', A>>('exports', action, data);
}
