/**
 * What an org handed in to the evaluating level through the reporting chain, shown on its
 * evaluation sheet as evidence for 领导重视、保障有力 and 宣传有力 (backend/core/award-evidence.ts).
 */
import { Text, View } from '@tarojs/components';
import type { SubmittedEvidence } from '../../../types/awards';

const STATUS: Record<SubmittedEvidence['status'], string> = {
  submitted: '已报送',
  returned: '已退回',
  approved: '已通过',
};

export function SubmittedEvidenceList({
  id,
  label,
  items,
}: {
  id: string;
  label: string;
  items: readonly SubmittedEvidence[];
}) {
  return (
    <View className="figure-block" id={id}>
      <Text className="figure-line">
        {label}：{items.length === 0 ? '未通过上报任务报送材料' : `上报材料 ${items.length} 项`}
      </Text>
      {items.map((e, i) => (
        <View key={`${e.task}-${e.title}-${i}`} className="submitted-item">
          <Text className="figure-line">
            · {e.title}（{e.task}，{STATUS[e.status]}）
          </Text>
          {e.excerpt ? <Text className="figure-line">“{e.excerpt}”</Text> : null}
        </View>
      ))}
    </View>
  );
}
