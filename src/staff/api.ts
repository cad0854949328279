/** Typed calls to the `staff` cloud function, with a time limit for the door's bad networks. */
import type { ActionInput, ActionName, ActionOutput, ApiError, ApiResult } from '../../types/api';
import { callFunction } from '../platform/call';
import { TRANSPORT_ERROR } from '../platform/transport';

export type StaffAction = ActionName<'staff'>;
export type StaffInput<A extends StaffAction> = ActionInput<'staff', A>;
export type StaffOutput<A extends StaffAction> = ActionOutput<'staff', A>;

/** A door call that has not answered within this time is treated as offline. */
export const DOOR_TIMEOUT_MS = 4000;
/** Syncing a batch of up to 100 scans may take longer. */
export const SYNC_TIMEOUT_MS = 15_000;

export interface CallOptions {
  /** Resolve to a STORE_UNAVAILABLE failure if no answer came within this many ms. */
  timeoutMs?: number;
}

export type StaffCaller = <A extends StaffAction>(
  action: A,
  data: StaffInput<A>,
  options?: CallOptions,
) => Promise<ApiResult<StaffOutput<A>>>;

const TIMEOUT_ERROR: Readonly<ApiError> = Object.freeze({ ...TRANSPORT_ERROR, message: '网络超时，请稍后重试' });

export const callStaff: StaffCaller = (action, data, options = {}) => {
  const call = callFunction<StaffOutput<typeof action>>('staff', action, data);
  const { timeoutMs } = options;
  if (!timeoutMs) return call;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ApiResult<never>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: { ...TIMEOUT_ERROR } }), timeoutMs);
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
};

/** The backend could not be reached (or did not answer in time): the door works offline. */
export function isUnreachable(error: ApiError): boolean {
  return error.code === 'STORE_UNAVAILABLE';
}
