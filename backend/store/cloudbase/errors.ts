/**
 * Turns CloudBase SDK failures into the store port's errors:
 * - `DATABASE_DUPLICATE_WRITE` (existing `_id` or unique index) → DuplicateKeyError;
 * - `DATABASE_TRANSACTION_CONFLICT` → StoreTransientError('conflict');
 * - `DATABASE_TIMEOUT`, socket/connect timeouts, network failures and HTTP 5xx/429 from the
 *   gateway → StoreTransientError('unavailable');
 * - anything else is rethrown unchanged.
 *
 * Codes come from @cloudbase/database 1.4.3 (const/code.js), node-sdk 3.18.3 (utils/request*.js:
 * `ETIMEDOUT` for connect and `ESOCKETTIMEDOUT` for read timeouts, numeric status codes for
 * non-200 answers) and the CloudBase error-code pages (DATABASE_DUPLICATE_WRITE, DATABASE_TIMEOUT).
 * A timed-out *write* is ambiguous: it may have been applied. It is still reported as
 * 'unavailable'; callers that retry must rely on conditional updates to stay correct.
 */
import { DuplicateKeyError, StoreTransientError } from '../port';

export const DUPLICATE_WRITE = 'DATABASE_DUPLICATE_WRITE';
export const TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';

const UNAVAILABLE_CODES = new Set([
  'DATABASE_TIMEOUT',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETDOWN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EHOSTUNREACH',
]);

/** The `code` of an SDK error or error-shaped result, if any. */
export function errorCode(value: unknown): string | number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number' ? code : undefined;
}

/** Maps one SDK failure; `key` names the record for a DuplicateKeyError. */
export function toStoreError(error: unknown, key: string): unknown {
  if (error instanceof DuplicateKeyError || error instanceof StoreTransientError) return error;
  const code = errorCode(error);
  if (code === DUPLICATE_WRITE) return new DuplicateKeyError(key);
  if (code === TRANSACTION_CONFLICT) return new StoreTransientError('conflict', error);
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return new StoreTransientError('unavailable', error);
  if (typeof code === 'number' && (code >= 500 || code === 429)) return new StoreTransientError('unavailable', error);
  return error;
}

/**
 * In node-sdk's compatibility mode (`throwOnCode` off) failures come back as results carrying a
 * `code`; successful results never carry one. Throws such a result as an error.
 */
export function throwIfErrorResult(result: unknown): void {
  if (errorCode(result) === undefined) return;
  const { message } = result as { message?: unknown };
  throw Object.assign(new Error(typeof message === 'string' ? message : 'CloudBase database error'), result);
}
