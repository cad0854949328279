/**
 * A multi-line text field, neutral twin (what WeChat bundles): Taro's Textarea, growing with its
 * text. The H5 twin renders a native <textarea> (Taro's H5 Textarea is a web component that
 * repeats the placeholder on its host, like its Input; see src/platform/text-field.tsx).
 */
import { Textarea } from '@tarojs/components';
import type { TextAreaProps } from './text-area.types';

export type { TextAreaProps } from './text-area.types';

export function TextArea({ value, onChange, placeholder, maxLength = 2000, id, className }: TextAreaProps) {
  return (
    <Textarea
      id={id}
      className={`text-area ${className ?? ''}`.trim()}
      value={value}
      placeholder={placeholder}
      placeholderStyle="color:#6b7280"
      maxlength={maxLength}
      autoHeight
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}
