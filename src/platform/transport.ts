/**
 * What every call transport (src/platform/call*.ts) shares: its signature, and how it turns
 * whatever came back into an ApiResult. A transport never throws: a failure to reach the
 * backend becomes a retryable STORE_UNAVAILABLE result that the pages show like any other.
 */
import type { ApiError, ApiResult, FunctionName } from '../../types/api';

/** Calls `action` of cloud function `fn` with `data`; resolves to the backend's result envelope. */
export type CallFunction = <T>(fn: FunctionName, action: string, data: unknown) => Promise<ApiResult<T>>;

export const TRANSPORT_ERROR: Readonly<ApiError> = Object.freeze({
  code: 'STORE_UNAVAILABLE',
  message: '网络不给力，请稍后重试',
  retryable: true,
});

export function transportFailure<T>(): ApiResult<T> {
  return { ok: false, error: { ...TRANSPORT_ERROR } };
}

/** Accepts a value only if it is an ApiResult envelope; anything else counts as a transport failure. */
export function asApiResult<T>(raw: unknown): ApiResult<T> {
  if (typeof raw !== 'object' || raw === null) return transportFailure();
  const envelope = raw as { ok?: unknown; data?: unknown; error?: unknown };
  if (envelope.ok === true) return { ok: true, data: envelope.data as T };
  if (envelope.ok === false && isApiError(envelope.error)) return { ok: false, error: envelope.error };
  return transportFailure();
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<ApiError>;
  return typeof e.code === 'string' && typeof e.message === 'string';
}
