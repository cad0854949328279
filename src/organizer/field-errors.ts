/**
 * A server refusal's per-field messages, keyed by the whole path when the form knows it
 * (`contact.phone`), else by its first segment (`opening.place` → opening, `audiences.0` →
 * audiences), beside the messages of fields the form does not show and the refusal's own message.
 */
import type { ApiError } from '../../types/api';

export type FieldErrorMap = Record<string, string>;

export interface ServerErrors {
  message: string;
  fields: FieldErrorMap;
  other: string[];
}

export function serverErrors(error: Pick<ApiError, 'message' | 'fields'>, known: readonly string[]): ServerErrors {
  const fields: FieldErrorMap = {};
  const other: string[] = [];
  for (const f of error.fields ?? []) {
    const key = known.includes(f.path) ? f.path : f.path.split('.')[0];
    if (known.includes(key)) {
      if (!fields[key]) fields[key] = f.message;
    } else other.push(f.message);
  }
  return { message: error.message, fields, other };
}

export const hasErrors = (errors: FieldErrorMap): boolean => Object.keys(errors).length > 0;

/**
 * Change handlers that also clear the form's message about the last try:
 * `const edited = clearing(() => setError(null))`, then `onChange={edited(setName)}`.
 */
export function clearing(clear: () => void) {
  return <T>(set: (value: T) => void) =>
    (value: T): void => {
      set(value);
      clear();
    };
}
