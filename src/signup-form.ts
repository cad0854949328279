/**
 * The sign-up form's own checks, with the core's limits (backend/core/registration.ts),
 * so that a resident hears about a typo before anything is sent. The server checks again.
 */
import type { ApiError, EventView } from '../types/api';
import { COMPANIONS_CEILING, NAME_MAX, PHONE_RE, normaliseName } from '@backend/core/registration';

export type SignupField = 'name' | 'phone' | 'companions' | 'consent';
export type FieldErrors = Partial<Record<SignupField, string>>;

export interface SignupDraft {
  name: string;
  phone: string;
  companions: number;
  consent: boolean;
}

export const NAME_MAX_LENGTH = NAME_MAX;

/** How many family members one sign-up for this event may bring. */
export function companionsLimit(event: Pick<EventView, 'maxCompanions'>): number {
  return Math.max(0, Math.min(event.maxCompanions, COMPANIONS_CEILING));
}

export function checkSignup(draft: SignupDraft, limit: number): FieldErrors {
  const errors: FieldErrors = {};
  const name = normaliseName(draft.name);
  if (!name) errors.name = '请填写姓名';
  else if (Array.from(name).length > NAME_MAX) errors.name = `姓名不能超过 ${NAME_MAX} 个字`;

  const phone = draft.phone.trim();
  if (!phone) errors.phone = '请填写手机号';
  else if (!PHONE_RE.test(phone)) errors.phone = '请填写正确的 11 位手机号码';

  if (!Number.isInteger(draft.companions) || draft.companions < 0 || draft.companions > limit) {
    errors.companions = limit === 0 ? '该活动不接受家属同行' : `同行家属最多 ${limit} 位`;
  }
  if (!draft.consent) errors.consent = '请先阅读并勾选同意《个人信息保护说明》';
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

const FIELDS: readonly SignupField[] = ['name', 'phone', 'companions', 'consent'];

/**
 * Splits a server refusal's per-field messages into those the form can show beside a field
 * (by the last segment of the path, e.g. `data.phone` → phone) and the rest.
 */
export function serverFieldErrors(error: ApiError): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const f of error.fields ?? []) {
    const key = f.path.split('.').pop() as SignupField;
    if (FIELDS.includes(key) && !fields[key]) fields[key] = f.message;
    else other.push(f.message);
  }
  return { fields, other };
}
