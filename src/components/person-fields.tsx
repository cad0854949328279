/**
 * The person part of the sign-up forms, one component for all three: the resident's 活动报名
 * (pages/signup), the door's 代报名 and 现场登记 (staff/walkin). Name and phone fields with their
 * errors, the ＋/－ stepper for companions, and the consent toggle. Each form keeps its own state
 * and checks (src/signup-form.ts); the class names (`<prefix>-name`, `<prefix>-phone`) let tests
 * and journeys find the fields of each form.
 */
import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { TextField } from '../platform/text-field';

export type PersonField = 'name' | 'phone';

export function PersonFields({
  prefix,
  name,
  phone,
  errors,
  onChange,
  labels = { name: '姓名', phone: '手机号' },
  placeholders = { name: '请输入姓名', phone: '请输入手机号' },
}: {
  /** Class prefix of the inputs: `input` on the resident's form, `proxy`, `walkin` at the door. */
  prefix: string;
  name: string;
  phone: string;
  errors: { name?: string; phone?: string };
  /** A field's new value (the phone without spaces). */
  onChange: (field: PersonField, value: string) => void;
  labels?: Record<PersonField, string>;
  placeholders?: Record<PersonField, string>;
}) {
  const fields = [
    { key: 'name', value: name, maxLength: undefined },
    { key: 'phone', value: phone, maxLength: 11 },
  ] as const;
  return (
    <>
      {fields.map((f) => (
        <View key={f.key} className={`form-item${errors[f.key] ? ' form-item--error' : ''}`}>
          <Text className="form-item__label">{labels[f.key]}</Text>
          <TextField
            className={`form-item__input ${prefix}-${f.key}`}
            kind={f.key}
            maxLength={f.maxLength}
            placeholder={placeholders[f.key]}
            value={f.value}
            onChange={(v) => onChange(f.key, f.key === 'phone' ? v.replace(/\s+/g, '') : v)}
          />
          {errors[f.key] && <Text className="form-item__error">{errors[f.key]}</Text>}
        </View>
      ))}
    </>
  );
}

/** ＋/－ for how many come along (0 to max). */
function Stepper({
  value,
  max,
  onChange,
  who = '家属',
}: {
  value: number;
  max: number;
  onChange: (n: number) => void;
  /** Who is counted, for the buttons' names: 少一位家属 / 多一位家属. */
  who?: string;
}) {
  return (
    <View className="stepper">
      <Button
        className={`stepper__button stepper__minus${value <= 0 ? ' stepper__button--disabled' : ''}`}
        disabled={value <= 0 || undefined}
        aria-label={`少一位${who}`}
        onClick={() => onChange(Math.max(0, value - 1))}
      >
        －
      </Button>
      <Text className="stepper__value">{value} 人</Text>
      <Button
        className={`stepper__button stepper__plus${value >= max ? ' stepper__button--disabled' : ''}`}
        disabled={value >= max || undefined}
        aria-label={`多一位${who}`}
        onClick={() => onChange(Math.min(max, value + 1))}
      >
        ＋
      </Button>
    </View>
  );
}

/**
 * 同行家属 (or 同行 at the door): the stepper up to `max`, or that none may come along when `max`
 * is 0; a hint and the error under it.
 */
export function CompanionsField({
  label = '同行家属',
  value,
  max,
  error,
  hint,
  who,
  onChange,
}: {
  label?: string;
  value: number;
  max: number;
  error?: string;
  hint?: string;
  who?: string;
  onChange: (n: number) => void;
}) {
  return (
    <View className={`form-item${error ? ' form-item--error' : ''}`}>
      <Text className="form-item__label">{label}</Text>
      {max > 0 ? (
        <Stepper value={value} max={max} onChange={onChange} who={who} />
      ) : (
        <Text className="form-item__value">该活动不接受家属同行</Text>
      )}
      {hint && <Text className="form-item__hint">{hint}</Text>}
      {error && <Text className="form-item__error">{error}</Text>}
    </View>
  );
}

/** The consent box: ticked or not, its words, an error under it and anything else (a link). */
export function ConsentToggle({
  checked,
  text,
  error,
  onToggle,
  children,
}: {
  checked: boolean;
  text: string;
  error?: string;
  onToggle: () => void;
  children?: ReactNode;
}) {
  return (
    <View className={`consent${checked ? ' consent--checked' : ''}${error ? ' consent--error' : ''}`}>
      <View className="consent__toggle" role="checkbox" aria-checked={checked} aria-label={text} onClick={onToggle}>
        <View className="consent__box">{checked && <Text className="consent__tick">✓</Text>}</View>
        <Text className="consent__text">{text}</Text>
      </View>
      {children}
      {error && <Text className="form-item__error">{error}</Text>}
    </View>
  );
}
