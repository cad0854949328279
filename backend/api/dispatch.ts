/**
 * Every function's router, for the local server and the tests. A deployed cloud function
 * imports only its own table (see cloudfunctions/<name>/index.ts), so that its bundle carries
 * only what it runs.
 */
import type { ApiResult, FunctionName } from '../../types/api';
import type { Deps } from '../usecases/context';
import { dispatchTo, type ActionTable, type ErrorLog } from './edge';
import { exportsTable } from './exports';
import { organizerTable } from './organizer';
import { residentTable } from './resident';
import { staffTable } from './staff';

const ACTIONS: Record<FunctionName, ActionTable> = {
  resident: residentTable,
  staff: staffTable,
  organizer: organizerTable,
  exports: exportsTable,
};

export const FUNCTION_NAMES = Object.keys(ACTIONS) as FunctionName[];

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(ACTIONS, name);
}

export type { ErrorLog } from './edge';
export { scrub } from './edge';

export function dispatch(
  fn: FunctionName,
  envelope: unknown,
  openid: string | null,
  deps: Deps,
  log?: ErrorLog,
): Promise<ApiResult<unknown>> {
  return dispatchTo(fn, ACTIONS[fn], envelope, openid, deps, log);
}
