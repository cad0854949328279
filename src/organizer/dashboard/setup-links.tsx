/**
 * 活动周筹备: the way from the workbench to the setup pages — 活动管理 for every door role;
 * 活动周设置, 组织架构, 工作人员与邀请, 筹备日志 and 立即发送活动提醒 for organizers.
 */
import { Text, View } from '@tarojs/components';
import { BusyButton } from '../../components/busy-button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { callOrganizer } from '../api';

const LINKS: { url: string; text: string; hint: string; organizerOnly: boolean; id: string }[] = [
  {
    id: 'events',
    url: '/organizer/events/index',
    text: '活动管理',
    hint: '新建、提交审核、审核、海报',
    organizerOnly: false,
  },
  {
    id: 'campaign',
    url: '/organizer/campaign/index',
    text: '活动周设置',
    hint: '名称、主题、日期、开幕式',
    organizerOnly: true,
  },
  { id: 'orgs', url: '/organizer/orgs/index', text: '组织架构', hint: '街道/镇、单位、负责人', organizerOnly: true },
  {
    id: 'staff',
    url: '/organizer/staff/index',
    text: '工作人员与邀请',
    hint: '邀请码、角色、撤销',
    organizerOnly: true,
  },
  { id: 'audit', url: '/organizer/audit/index', text: '筹备日志', hint: '谁改了什么', organizerOnly: true },
  {
    id: 'honours',
    url: '/organizer/honours/index',
    text: '评选推荐',
    hint: '推荐、审核、公布、汇总表',
    organizerOnly: false,
  },
  {
    id: 'evaluation',
    url: '/organizer/evaluation/index',
    text: '满意度抽样与组织奖评审',
    hint: '随机抽样、评分、评定、导出',
    organizerOnly: true,
  },
  {
    id: 'reports',
    url: '/organizer/reports/index',
    text: '上报任务',
    hint: '下发、跟踪、审核、汇总下载',
    organizerOnly: true,
  },
  {
    id: 'levels',
    url: '/organizer/levels/index',
    text: '下级汇总',
    hint: '市看各区、省看各市，逐级下钻',
    organizerOnly: true,
  },
];

export function SetupLinks({ organizer }: { organizer: boolean }) {
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<string | null>(null);

  const runReminders = async () => {
    if (running) return;
    setRunning(true);
    const res = await callOrganizer('reminders.run', {});
    setRunning(false);
    setResult(
      res.ok
        ? `已发送 ${res.data.sent} 条，用户拒收 ${res.data.refused} 条，未订阅 ${res.data.noCredit} 条，发送失败 ${res.data.failed} 条`
        : res.error.message,
    );
  };

  return (
    <View className="section setup-links" id="setup-links">
      <Text className="section__title">活动周筹备</Text>
      {LINKS.filter((l) => organizer || !l.organizerOnly).map((l) => (
        <View
          key={l.id}
          id={`setup-${l.id}`}
          className="link-row"
          role="link"
          onClick={() => void Taro.navigateTo({ url: l.url })}
        >
          <Text className="link-row__text">{l.text}</Text>
          <Text className="link-row__hint">{l.hint}</Text>
          <Text className="link-row__arrow">›</Text>
        </View>
      ))}
      {organizer && (
        <>
          <BusyButton
            className="btn--secondary btn--block run-reminders"
            busy={running}
            onClick={() => void runReminders()}
          >
            立即发送活动提醒
          </BusyButton>
          <Text className="section__hint setup-links__hint">
            提醒每天会自动发送（活动开始前一天内）；这里可以马上补发一次。
          </Text>
          {result && <Text className="section__note reminders-result">{result}</Text>}
        </>
      )}
    </View>
  );
}
