/**
 * 我的提醒: the reminders sent to me by WeChat subscription message (locally: the outbox), each
 * with what it said and what happened — 已发送, 用户拒收, 未订阅 (no reminder left), 发送失败 —
 * and 开启活动提醒 with the reminders left.
 */
import { Text, View } from '@tarojs/components';
import type { ReminderRecord } from '../../../types/domain';
import { clockLabel, dayLabel, dayOf } from '@backend/core/time';
import { callResident } from '../../api/client';
import { useCall } from '../../hooks/use-call';
import { Badge } from '../../components/badge';
import { ReminderButton } from '../../components/reminder-button';
import { Empty, ErrorState, Loading } from '../../components/states';
import type { Tone } from '../../format';
import { REMINDER_FIELD_LABELS, MESSAGE_KIND_LABELS, REMINDER_STATUS_LABELS } from '../../labels';
import { ThemedPage } from '../../theme';
import './index.css';

const STATUS_TONES: Record<ReminderRecord['status'], Tone> = {
  sent: 'ok',
  refused: 'muted',
  no_credit: 'wait',
  failed: 'muted',
};

export default function RemindersPage() {
  const call = useCall(
    async () => {
      const res = await callResident('reminders.mine', {});
      return res.ok ? { ok: true as const, data: [...res.data.reminders].sort((a, b) => b.at - a.at) } : res;
    },
    [],
    { when: 'show', pullDown: true },
  );
  const { data: reminders, error, reload: load } = call;

  return (
    <ThemedPage className="reminders-page">
      <Text className="page-title">我的提醒</Text>
      <View className="card">
        <Text className="card__line">
          每点一次“开启活动提醒”并允许，就能收到一条提醒（微信的规定）。活动开始前一天内会提醒您。
        </Text>
        <ReminderButton className="reminders-page__button" />
      </View>

      {error ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : !reminders ? (
        <Loading />
      ) : reminders.length === 0 ? (
        <Empty text="还没有发给您的提醒" />
      ) : (
        reminders.map((r) => (
          <View key={r.id} className="reminder-item" id={`reminder-${r.id.replace(/[^A-Za-z0-9_-]/g, '-')}`}>
            <View className="reminder-item__top">
              <Text className="reminder-item__kind">{MESSAGE_KIND_LABELS[r.kind]}</Text>
              <Badge
                className="reminder-item__status"
                text={REMINDER_STATUS_LABELS[r.status]}
                tone={STATUS_TONES[r.status]}
              />
            </View>
            {Object.entries(r.fields).map(([key, value]) => (
              <Text key={key} className="reminder-item__field">
                {REMINDER_FIELD_LABELS[key] ?? key}：{value}
              </Text>
            ))}
            <Text className="reminder-item__meta">
              {dayLabel(dayOf(r.at))} {clockLabel(r.at)}
              {r.detail ? ` · ${r.detail}` : ''}
            </Text>
          </View>
        ))
      )}
    </ThemedPage>
  );
}
