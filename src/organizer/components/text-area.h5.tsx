/** A multi-line text field, H5 twin: a native <textarea> (see text-area.tsx for why). */
import type { TextAreaProps } from './text-area.types';

export type { TextAreaProps } from './text-area.types';

export function TextArea({ value, onChange, placeholder, maxLength = 2000, id, className }: TextAreaProps) {
  return (
    <textarea
      id={id}
      className={`text-area text-area--h5 ${className ?? ''}`.trim()}
      value={value}
      placeholder={placeholder}
      maxLength={maxLength}
      rows={3}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
