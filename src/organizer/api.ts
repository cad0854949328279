/** Typed calls to the `organizer` cloud function (dashboard, entered figures, forms, exports). */
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
