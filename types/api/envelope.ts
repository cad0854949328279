/**
 * The result envelope of every call, its stable error codes, and the one rule that pairs an
 * action's input (inferred from its zod schema in backend/api/schemas/) with its output.
 */

/** Stable error codes. The meaning of a code never changes; new codes may be added. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_ACTION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'CAMPAIGN_NOT_FOUND',
  'EVENT_NOT_FOUND',
  'EVENT_NOT_OPEN',
  'SIGNUP_NOT_REQUIRED',
  'SIGNUP_DUPLICATE',
  'CONSENT_REQUIRED',
  'COMPANIONS_OVER_LIMIT',
  'REGISTRATION_NOT_FOUND',
  'ALREADY_CANCELLED',
  'CANCEL_CLOSED',
  'CHECKIN_NOT_FOUND',
  'CODE_NOT_AVAILABLE',
  'RATING_NOT_ALLOWED',
  'EVENT_STATE_CONFLICT',
  'CAPACITY_BELOW_TAKEN',
  'INVITE_NOT_FOUND',
  'INVITE_EXPIRED',
  'INVITE_USED',
  'INVITE_REVOKED',
  'ORG_IN_USE',
  'ALREADY_RATED',
  'CHECKIN_KEY_MISSING',
  'NOMINATION_NOT_FOUND',
  'NOMINATION_STATE_CONFLICT',
  'QUOTA_FULL',
  'SAMPLE_EMPTY',
  'REPORT_TASK_NOT_FOUND',
  'REPORT_LATE',
  'REPORT_INCOMPLETE',
  'REPORT_TEXT_TOO_SHORT',
  'REPORT_FILE_TYPE',
  'REPORT_FILE_TOO_LARGE',
  'REPORT_NOT_YOUR_ORG',
  'REPORT_STATE_CONFLICT',
  'UPLOAD_NOT_FOUND',
  'STORE_CONFLICT',
  'STORE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** Human-readable, in Simplified Chinese: shown to the user as is. */
  message: string;
  /** True when the same call may succeed if simply tried again. */
  retryable: boolean;
  /** For VALIDATION_FAILED: which fields, and why. */
  fields?: { path: string; message: string }[];
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** What a client sends to a cloud function. */
export interface CallEnvelope {
  action: string;
  data?: unknown;
}

/**
 * A function's actions: each action's input (from its schema, `Inputs`) with its output
 * (`Outputs`, written here in types/api/). Both must name the same actions: an action with a
 * schema and no output, or an output and no schema, does not compile.
 */
export type ActionsOf<Inputs extends Record<keyof Outputs, unknown>, Outputs extends Record<keyof Inputs, unknown>> = {
  [A in keyof Inputs & keyof Outputs]: { input: Inputs[A]; output: Outputs[A] };
};
