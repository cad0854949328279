/**
 * 我的日程: what I have signed up for, day by day (confirmed and waitlisted sign-ups; an activity
 * over several days on each of its days). Opened from 我的报名. Tapping an entry opens the event.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { dayLabel, weekdayLabel } from '@backend/core/time';
import { callResident } from '../../api/client';
import { useCall } from '../../hooks/use-call';
import { Badge } from '../../components/badge';
import { Empty, ErrorState, Loading } from '../../components/states';
import { registrationStatusText } from '../../format';
import { scheduleByDay } from '../../schedule';
import { ThemedPage } from '../../theme';
import './index.css';

export default function SchedulePage() {
  const call = useCall(
    async () => {
      const res = await callResident('signup.mine', {});
      return res.ok ? { ok: true as const, data: scheduleByDay(res.data.items) } : res;
    },
    [],
    { when: 'show', pullDown: true },
  );
  const { data: days, error, reload: load } = call;

  return (
    <ThemedPage className="schedule-page">
      <Text className="schedule-page__title">我的日程</Text>
      {error ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : !days ? (
        <Loading />
      ) : days.length === 0 ? (
        <Empty text="日程里还没有活动">
          <Button className="btn btn--primary" onClick={() => void Taro.switchTab({ url: '/pages/index/index' })}>
            去看看活动
          </Button>
        </Empty>
      ) : (
        days.map(({ day, entries }) => (
          <View className="schedule-day" key={day} id={`schedule-${day}`}>
            <Text className="schedule-day__label">
              {dayLabel(day)} {weekdayLabel(day)} · {entries.length} 项
            </Text>
            {entries.map((entry) => {
              const status = registrationStatusText(entry.registration);
              return (
                <View
                  key={`${entry.registration.id}-${entry.part}`}
                  className="schedule-entry"
                  role="link"
                  onClick={() =>
                    void Taro.navigateTo({ url: `/pages/event/index?id=${encodeURIComponent(entry.event.id)}` })
                  }
                >
                  <Text className="schedule-entry__time">{entry.time}</Text>
                  <View className="schedule-entry__body">
                    <Text className="schedule-entry__title">{entry.event.title}</Text>
                    <Text className="schedule-entry__line">地点：{entry.event.venue}</Text>
                    {entry.parts > 1 && (
                      <Text className="schedule-entry__line">
                        多日活动：第 {entry.part} 天，共 {entry.parts} 天
                      </Text>
                    )}
                    {entry.event.cancelled && <Text className="schedule-entry__note">该活动已取消</Text>}
                    <Badge className="schedule-entry__status" text={status.text} tone={status.tone} />
                  </View>
                </View>
              );
            })}
          </View>
        ))
      )}
    </ThemedPage>
  );
}
