/**
 * A form's draft in one place: the values, the per-field messages (the form's own check first,
 * then the server's refusal mapped onto the fields it names), the message above the save button,
 * and the saving state. Editing a field clears that field's message; a second tap on 保存 while
 * saving does nothing.
 */
import { useCallback, useRef, useState } from 'react';
import type { ApiResult } from '../../types/api';
import { hasErrors, serverErrors, type FieldErrorMap } from '../organizer/field-errors';

export interface FormError {
  message: string;
  other: string[];
}

export interface SubmitPlan<T> {
  /** The form's own check; a non-empty map stops the save. */
  check?: () => FieldErrorMap;
  send: () => Promise<ApiResult<T>>;
  /** The fields the form shows (server messages for others go to the box above the button). */
  fields: readonly string[];
}

export interface FormDraft<D> {
  draft: D | null;
  errors: FieldErrorMap;
  formError: FormError | null;
  saving: boolean;
  /** Merges a change into the draft and clears the messages of the named fields. */
  update: (patch: Partial<D>, ...fields: string[]) => void;
  /** Starts over from a draft: no messages. */
  reset: (next: D | null) => void;
  setErrors: (errors: FieldErrorMap) => void;
  setFormError: (error: FormError | null) => void;
  /** Checks, sends and maps a refusal; resolves the saved data, or null when nothing was saved. */
  submit: <T>(plan: SubmitPlan<T>) => Promise<T | null>;
}

export const CHECK_FAILED = '请按提示修改后再保存';

export function useFormDraft<D extends object>(initial: D | null = null): FormDraft<D> {
  const [draft, setDraft] = useState<D | null>(initial);
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [formError, setFormError] = useState<FormError | null>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);

  const update = useCallback((patch: Partial<D>, ...fields: string[]) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    if (fields.length) {
      setErrors((e) => {
        if (!fields.some((f) => f in e)) return e;
        const next = { ...e };
        for (const f of fields) delete next[f];
        return next;
      });
    }
  }, []);

  const reset = useCallback((next: D | null) => {
    setDraft(next);
    setErrors({});
    setFormError(null);
  }, []);

  const submit = useCallback(async <T>({ check, send, fields }: SubmitPlan<T>): Promise<T | null> => {
    if (savingRef.current) return null;
    const found = check ? check() : {};
    setErrors(found);
    if (hasErrors(found)) {
      setFormError({ message: CHECK_FAILED, other: [] });
      return null;
    }
    setFormError(null);
    savingRef.current = true;
    setSaving(true);
    try {
      const res = await send();
      if (res.ok) return res.data;
      const server = serverErrors(res.error, fields);
      setErrors(server.fields);
      setFormError({ message: server.message, other: server.other });
      return null;
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  }, []);

  return { draft, errors, formError, saving, update, reset, setErrors, setFormError, submit };
}
