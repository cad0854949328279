/**
 * 订阅上报提醒: on WeChat the subscription dialog (from the tap, before anything is awaited);
 * against the local server a confirmation stands in for it. Each acceptance is one 上报提醒 the
 * level above may send when this org is still missing a report.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ReportReminderConfig } from '../../../types/reporting';
import { requestSubscribe } from '../../platform/subscribe';
import { callOrganizer } from '../api';

export function SubscribeReminder({ config }: { config: ReportReminderConfig }) {
  const [credits, setCredits] = useState(config.credits);
  const [note, setNote] = useState<string | null>(null);
  const send = async (accepted: boolean) => {
    const res = await callOrganizer('report.subscribe', { accepted });
    if (res.ok) setCredits(res.data.credits);
    setNote(res.ok ? (accepted ? '已订阅一次上报提醒' : '未订阅') : res.error.message);
  };
  const tap = () => {
    if (config.template) {
      const template = config.template;
      void requestSubscribe([template]).then((answers) => send(answers?.[template] === 'accept'));
      return;
    }
    void Taro.showModal({
      title: '订阅上报提醒',
      content: '允许在上级催报时给您发送一次“上报提醒”。（本地演示：此对话框代替微信的订阅提醒对话框）',
    }).then(({ confirm }) => send(confirm));
  };
  return (
    <View className="section" id="report-subscribe">
      <Text className="section__hint">上报提醒：还可接收 {credits} 次（每次订阅可接收一次）</Text>
      <Button className="btn btn--secondary" onClick={tap}>
        订阅上报提醒
      </Button>
      {note && <Text className="section__note">{note}</Text>}
    </View>
  );
}
