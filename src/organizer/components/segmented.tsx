/** A row of large choice buttons, one of them chosen (tabs for tables, forms, modes). */
import { Text, View } from '@tarojs/components';

export interface SegmentOption<T extends string> {
  value: T;
  label: string;
}

export function Segmented<T extends string>({
  options,
  value,
  onChange,
  label,
  className,
}: {
  options: SegmentOption<T>[];
  value: T;
  onChange: (value: T) => void;
  /** What is being chosen, for screen readers. */
  label: string;
  className?: string;
}) {
  return (
    <View className={`segmented ${className ?? ''}`.trim()} role="tablist" aria-label={label}>
      {options.map((o) => (
        <View
          key={o.value}
          className={`segmented__item${o.value === value ? ' segmented__item--active' : ''}`}
          role="tab"
          aria-selected={o.value === value}
          data-value={o.value}
          onClick={() => onChange(o.value)}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  );
}
