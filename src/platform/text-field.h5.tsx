/** A one-line text field, H5 twin: a plain <input> (see text-field.tsx for why). */
import type { TextFieldProps } from './text-field.types';

export type { TextFieldProps } from './text-field.types';

const TYPES = { text: 'text', name: 'text', phone: 'tel', search: 'search' } as const;
const AUTOCOMPLETE = { text: 'off', name: 'name', phone: 'tel', search: 'off' } as const;

export function TextField({
  value,
  onChange,
  placeholder,
  kind = 'text',
  maxLength,
  className,
  id,
  onConfirm,
}: TextFieldProps) {
  return (
    <input
      id={id}
      className={`text-field text-field--h5 ${className ?? ''}`.trim()}
      type={TYPES[kind]}
      inputMode={kind === 'phone' ? 'numeric' : undefined}
      autoComplete={AUTOCOMPLETE[kind]}
      enterKeyHint={kind === 'search' ? 'search' : 'done'}
      maxLength={maxLength}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && onConfirm) onConfirm();
      }}
    />
  );
}
