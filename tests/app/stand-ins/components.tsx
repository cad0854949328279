/**
 * DOM stand-ins for @tarojs/components under jsdom (jest maps the package here). Each renders
 * a plain element and forwards className, id, style, data-* / aria-* and the events the pages
 * use, with Taro's event shapes (`{ detail: { value } }`).
 */
import type { ReactNode } from 'react';
import { createElement } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode };

function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === 'className' || key === 'id' || key === 'style' || key === 'onClick' || key === 'role') {
      out[key] = value;
    } else if (key.startsWith('data-') || key.startsWith('aria-')) {
      out[key] = value;
    }
  }
  return out;
}

export function View(props: Props) {
  return createElement('div', domProps(props), props.children);
}

export function Text(props: Props) {
  return createElement('span', domProps(props), props.children);
}

export function ScrollView(props: Props) {
  return createElement('div', domProps(props), props.children);
}

export function Image(props: Props & { src?: string; alt?: string }) {
  return createElement('img', { ...domProps(props), src: props.src, alt: props.alt ?? '' });
}

export function Button(props: Props & { disabled?: boolean; loading?: boolean }) {
  // WeChat fires `agreeprivacyauthorization` when an openType="agreePrivacyAuthorization" button is tapped.
  const agree =
    props.openType === 'agreePrivacyAuthorization'
      ? (props.onAgreePrivacyAuthorization as (() => void) | undefined)
      : undefined;
  const dom = domProps(props);
  if (agree) dom.onClick = () => agree();
  return createElement(
    'button',
    {
      ...dom,
      'data-open-type': props.openType,
      type: 'button',
      disabled: Boolean(props.disabled),
      'aria-busy': Boolean(props.loading),
    },
    props.children,
  );
}

interface InputProps extends Props {
  value?: string;
  placeholder?: string;
  maxlength?: number;
  type?: string;
  onInput?: (e: { detail: { value: string } }) => void;
  onConfirm?: (e: { detail: { value: string } }) => void;
}

/** `type` is not forwarded: jsdom would sanitise values of type=number, which WeChat does not. */
export function Input(props: InputProps) {
  return createElement('input', {
    ...domProps(props),
    value: props.value ?? '',
    placeholder: props.placeholder,
    maxLength: props.maxlength,
    onChange: (e: { target: { value: string } }) => props.onInput?.({ detail: { value: e.target.value } }),
    onKeyDown: (e: { key: string; currentTarget: { value: string } }) => {
      if (e.key === 'Enter') props.onConfirm?.({ detail: { value: e.currentTarget.value } });
    },
  });
}

export function Checkbox(props: Props & { checked?: boolean; value?: string }) {
  return createElement('input', {
    ...domProps(props),
    type: 'checkbox',
    checked: Boolean(props.checked),
    value: props.value,
    readOnly: true,
  });
}

interface PickerProps extends Props {
  mode?: string;
  range?: string[];
  value?: number;
  onChange?: (e: { detail: { value: number } }) => void;
}

/**
 * A selector Picker as a <select> (option labels from `range`) next to its children, so tests
 * can choose with `fireEvent.change(select, { target: { value: '2' } })` or by label.
 */
export function Picker(props: PickerProps | DateTimePickerProps) {
  if (props.mode === 'date' || props.mode === 'time') return DateTimePicker(props as DateTimePickerProps);
  return SelectorPicker(props as PickerProps);
}

interface DateTimePickerProps extends Props {
  mode: 'date' | 'time';
  value?: string;
  start?: string;
  end?: string;
  onChange?: (e: { detail: { value: string } }) => void;
}

/**
 * A date or time Picker as an <input> labelled with the Picker's aria-label (the wrapper does
 * not repeat it), so tests set `fireEvent.change(getByLabelText('开始时间', { selector: 'input' }), …)`.
 */
function DateTimePicker(props: DateTimePickerProps) {
  const { 'aria-label': label, ...rest } = props;
  return createElement(
    'div',
    domProps(rest),
    createElement('input', {
      'aria-label': label ?? props.mode,
      'data-picker': props.mode,
      value: props.value ?? '',
      min: props.start,
      max: props.end,
      onChange: (e: { target: { value: string } }) => props.onChange?.({ detail: { value: e.target.value } }),
    }),
    props.children,
  );
}

function SelectorPicker(props: PickerProps) {
  const range = props.range ?? [];
  return createElement(
    'div',
    domProps(props),
    createElement(
      'select',
      {
        'aria-label': range[0] ?? 'picker',
        value: String(props.value ?? 0),
        onChange: (e: { target: { value: string } }) => props.onChange?.({ detail: { value: Number(e.target.value) } }),
      },
      range.map((label, i) => createElement('option', { key: label, value: String(i) }, label)),
    ),
    props.children,
  );
}

/** A canvas as a plain <canvas>; the QR twin paints it through the createSelectorQuery stand-in. */
export function Canvas(props: Props & { type?: string }) {
  return createElement('canvas', domProps(props));
}

/** A multi-line field as a <textarea>, with Taro's `onInput` shape (the organizer forms use it). */
export function Textarea(props: InputProps) {
  return createElement('textarea', {
    ...domProps(props),
    value: props.value ?? '',
    placeholder: props.placeholder,
    maxLength: props.maxlength,
    onChange: (e: { target: { value: string } }) => props.onInput?.({ detail: { value: e.target.value } }),
  });
}
