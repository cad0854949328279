/**
 * A one-line text field, neutral twin (also what WeChat bundles): Taro's Input. The H5 twin
 * (text-field.h5.tsx) renders a native <input> instead, because Taro's H5 Input is a web
 * component that repeats `placeholder` on its host element, so a page had two elements per
 * placeholder (ambiguous for assistive tech and browser tests) and a number-only keyboard
 * without `tel` semantics.
 */
import { Input } from '@tarojs/components';
import type { TextFieldProps } from './text-field.types';

export type { TextFieldProps } from './text-field.types';

export function TextField({ kind = 'text', className, onChange, onConfirm, maxLength, ...field }: TextFieldProps) {
  // id, value and placeholder pass through under the same names.
  return (
    <Input
      {...field}
      className={`text-field ${className ?? ''}`.trim()}
      type={kind === 'phone' ? 'number' : 'text'}
      confirmType={kind === 'search' ? 'search' : 'done'}
      maxlength={maxLength ?? 140}
      placeholderStyle="color:#6b7280"
      onInput={(e) => onChange(e.detail.value)}
      onConfirm={onConfirm ? () => onConfirm() : undefined}
    />
  );
}
