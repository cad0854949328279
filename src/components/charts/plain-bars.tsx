/** Bars drawn with plain Views: the fallback where ECharts cannot start. */
import { Text, View } from '@tarojs/components';

export function PlainBars({ labels, values, highlight }: { labels: string[]; values: number[]; highlight?: number[] }) {
  const max = Math.max(1, ...values);
  const accent = new Set(highlight ?? []);
  return (
    <View className="plain-bars">
      {values.map((value, i) => (
        <View className="plain-bars__row" key={`${labels[i]}-${i}`}>
          <Text className="plain-bars__label">{(labels[i] ?? '').replace(/\n/g, ' ')}</Text>
          <View className="plain-bars__track">
            <View
              className={`plain-bars__bar${accent.has(i) ? ' plain-bars__bar--accent' : ''}`}
              style={{ width: `${Math.round((value / max) * 100)}%` }}
            />
          </View>
          <Text className="plain-bars__value">{value}</Text>
        </View>
      ))}
    </View>
  );
}
