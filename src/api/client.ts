/** Typed calls to the `resident` cloud function, over whichever transport the platform has. */
import type { ActionInput, ActionName, ActionOutput, ApiResult } from '../../types/api';
import { callFunction } from '../platform/call';

export type ResidentAction = ActionName<'resident'>;

/** Actions whose input has no required field may be called without data. */
type DataArgs<A extends ResidentAction> =
  Record<string, never> extends ActionInput<'resident', A>
    ? [data?: ActionInput<'resident', A>]
    : [data: ActionInput<'resident', A>];

export function callResident<A extends ResidentAction>(
  action: A,
  ...args: DataArgs<A>
): Promise<ApiResult<ActionOutput<'resident', A>>> {
  return callFunction<ActionOutput<'resident', A>>('resident', action, args[0] ?? {});
}
