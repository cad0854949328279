/**
 * Form parts of the setup pages: a labelled row with its error, multi-choice chips, date and
 * time fields (WeChat's and Taro's web pickers: a wheel, one tap to confirm), the form-level
 * error box and the save button.
 */
import { Button, Picker, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Day } from '../../../types/domain';
import { dayLabel, weekdayLabel } from '@backend/core/time';

export function FormRow({
  label,
  error,
  hint,
  children,
  id,
  required = false,
}: {
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
  id?: string;
  required?: boolean;
}) {
  return (
    <View className={`form-row${error ? ' form-row--error' : ''}`} id={id}>
      <Text className="field-label">
        {label}
        {required ? <Text className="form-row__required">（必填）</Text> : null}
      </Text>
      {children}
      {hint && <Text className="form-row__hint">{hint}</Text>}
      {error && (
        <View className="form-row__error" role="alert">
          <Text>{error}</Text>
        </View>
      )}
    </View>
  );
}

export interface ChipOption<T extends string> {
  value: T;
  label: string;
}

/** Several choices at once, each a large chip (checked: filled). */
export function Chips<T extends string>({
  options,
  values,
  onToggle,
  label,
}: {
  options: ChipOption<T>[];
  values: readonly T[];
  onToggle: (value: T) => void;
  label: string;
}) {
  return (
    <View className="chips" role="group" aria-label={label}>
      {options.map((o) => {
        const on = values.includes(o.value);
        return (
          <View
            key={o.value}
            className={`chip${on ? ' chip--on' : ''}`}
            role="checkbox"
            aria-checked={on}
            aria-label={o.label}
            data-value={o.value}
            onClick={() => onToggle(o.value)}
          >
            <Text>
              {on ? '✓ ' : ''}
              {o.label}
            </Text>
          </View>
        );
      })}
    </View>
  );
}

/** 2026-11-14 → 11月14日 周六 (with the year when it is not `year`). */
export function dayText(day: Day, year?: string): string {
  if (!day) return '';
  const prefix = year && day.slice(0, 4) !== year ? `${day.slice(0, 4)}年` : '';
  return `${prefix}${dayLabel(day)} ${weekdayLabel(day)}`;
}

export function DateField({
  value,
  onChange,
  label,
  start,
  end,
  placeholder = '请选择日期',
  className,
}: {
  value: Day | '';
  onChange: (day: Day) => void;
  label: string;
  start?: Day;
  end?: Day;
  placeholder?: string;
  className?: string;
}) {
  return (
    <Picker
      mode="date"
      value={value || start || ''}
      start={start}
      end={end}
      aria-label={label}
      onChange={(e) => onChange(String(e.detail.value))}
    >
      <View
        className={`picker-field ${className ?? ''}`.trim()}
        role="button"
        aria-label={`${label}：${value ? `${dayText(value)}（${value}）` : placeholder}`}
      >
        <Text className={value ? 'picker-field__value' : 'picker-field__placeholder'}>
          {value ? `${dayText(value)}（${value}）` : placeholder}
        </Text>
        <Text className="picker-field__arrow">▾</Text>
      </View>
    </Picker>
  );
}

export function TimeField({
  value,
  onChange,
  label,
  className,
}: {
  value: string;
  onChange: (time: string) => void;
  label: string;
  className?: string;
}) {
  return (
    <Picker mode="time" value={value} aria-label={label} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`picker-field ${className ?? ''}`.trim()} role="button" aria-label={`${label}：${value}`}>
        <Text className="picker-field__value">{value}</Text>
        <Text className="picker-field__arrow">▾</Text>
      </View>
    </Picker>
  );
}

/** −  N  ＋ within [min, max]. */
export function Stepper({
  value,
  onChange,
  min,
  max,
  unit,
  label,
}: {
  value: number;
  onChange: (n: number) => void;
  min: number;
  max: number;
  unit: string;
  label: string;
}) {
  return (
    <View className="org-stepper" role="group" aria-label={label}>
      <View
        className={`org-stepper__button${value <= min ? ' org-stepper__button--off' : ''}`}
        role="button"
        aria-label={`${label}减一`}
        onClick={() => value > min && onChange(value - 1)}
      >
        <Text>－</Text>
      </View>
      <Text className="org-stepper__value">
        {value} {unit}
      </Text>
      <View
        className={`org-stepper__button${value >= max ? ' org-stepper__button--off' : ''}`}
        role="button"
        aria-label={`${label}加一`}
        onClick={() => value < max && onChange(value + 1)}
      >
        <Text>＋</Text>
      </View>
    </View>
  );
}

/** The error of a whole form: the server's message, and field errors that have no row on the page. */
export function FormErrorBox({ error }: { error: { message: string; other: string[] } | null }) {
  if (!error) return null;
  return (
    <View className="notice notice--error form-error-box">
      <Text className="notice__text">{error.message}</Text>
      {error.other.map((m) => (
        <Text key={m} className="notice__text notice__detail">
          {m}
        </Text>
      ))}
    </View>
  );
}

/** The one main action of a form, disabled while it saves. */
export function SaveButton({
  hook,
  saving,
  onSave,
  children,
}: {
  hook: string;
  saving: boolean;
  onSave: () => void;
  children: ReactNode;
}) {
  return (
    <Button
      className={`btn btn--primary btn--block ${hook}${saving ? ' btn--disabled' : ''}`}
      loading={saving || undefined}
      disabled={saving || undefined}
      onClick={onSave}
    >
      {children}
    </Button>
  );
}
