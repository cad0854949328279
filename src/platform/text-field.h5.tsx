/** A one-line text field, H5 twin: a plain <input> (see text-field.tsx for why). */
import type { TextFieldProps } from './text-field.types';

export type { TextFieldProps } from './text-field.types';

const TYPES = { text: 'text', name: 'text', phone: 'tel', search: 'search' } as const;
const AUTOCOMPLETE = { text: 'off', name: 'name', phone: 'tel', search: 'off' } as const;

export function TextField({ kind = 'text', className, onChange, onConfirm, ...field }: TextFieldProps) {
  // id, value, placeholder and maxLength pass through under the same names.
  return (
    <input
      {...field}
      className={`text-field text-field--h5 ${className ?? ''}`.trim()}
      type={TYPES[kind]}
      inputMode={kind === 'phone' ? 'numeric' : undefined}
      autoComplete={AUTOCOMPLETE[kind]}
      enterKeyHint={kind === 'search' ? 'search' : 'done'}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && onConfirm) onConfirm();
      }}
    />
  );
}
