/** The result card of one scan: big, coloured by outcome, marked 离线 when judged on the device. */
import { Text, View } from '@tarojs/components';
import type { ScanResult } from '../../../types/api';
import { cardOf } from '../cards';

export function ScanCard({
  result,
  offline,
  now,
  title,
}: {
  result: ScanResult;
  offline: boolean;
  now: number;
  /** Replaces the backend's wording (e.g. 现场登记成功 for a walk-in). */
  title?: string;
}) {
  const card = cardOf(result, now);
  return (
    <View
      className={`scan-card scan-card--${card.tone}`}
      data-outcome={result.outcome}
      data-scan={result.scanId}
      role="status"
      aria-live="assertive"
    >
      <View className="scan-card__top">
        <Text className="scan-card__mark">{card.mark}</Text>
        <Text className="scan-card__title">{title ?? card.title}</Text>
        {offline && <Text className="scan-card__offline">离线</Text>}
      </View>
      {card.name && <Text className="scan-card__name">{card.name}</Text>}
      {card.lines.map((line) => (
        <Text key={line} className="scan-card__line">
          {line}
        </Text>
      ))}
    </View>
  );
}
