/**
 * The sign-up form's checks: name and phone with the very field schemas the server checks a
 * call with (backend/api/fields.ts), the companion limit from the core, so that a resident hears
 * about a typo before anything is sent and a field rule changes in one place.
 */
import type { ApiError, EventView } from '../types/api';
import { COMPANIONS_CEILING, NAME_MAX, normaliseName } from '@backend/core/registration';
import { personName, phone as phoneField } from '@backend/api/fields';

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
  const name = personName.safeParse(normaliseName(draft.name));
  if (!name.success) errors.name = name.error.issues[0].message;

  const phone = draft.phone.trim();
  const phoneCheck = phoneField.safeParse(phone);
  if (!phone) errors.phone = '请填写手机号';
  else if (!phoneCheck.success) errors.phone = phoneCheck.error.issues[0].message;

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
