/**
 * 工作人员：活动列表. The events of my units on one day, each with live attendance and the
 * ways in: 扫码签到, 名单, 现场登记. The day switcher holds the campaign's days; it opens on
 * today (Asia/Shanghai) when today is one of them. Showing the page also replays scans any
 * event still has waiting on this device.
 */
import { Button, ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { ApiError, StaffEventView } from '../../../types/api';
import type { Day } from '../../../types/domain';
import { addDays, clockLabel, dayLabel, dayOf, weekdayLabel } from '@backend/core/time';
import { callResident } from '../../api/client';
import { Badge } from '../../components/badge';
import { Empty, ErrorState, Loading } from '../../components/states';
import { defaultDay } from '../../format';
import { callStaff } from '../api';
import { syncAllQueued } from '../offline/door';
import { ScanQueue } from '../offline/queue';
import { taroStore } from '../offline/storage';
import '../staff.css';
import './index.css';
import { ThemedPage } from '../../theme';

const go = (url: string) => void Taro.navigateTo({ url });

/** Today and the days around it, when the campaign's days cannot be had. */
function daysAround(today: Day): Day[] {
  return [-1, 0, 1, 2, 3, 4, 5].map((n) => addDays(today, n));
}

export default function StaffEventsPage() {
  const [days, setDays] = useState<Day[] | null>(null);
  const [day, setDay] = useState<Day | null>(null);
  const [events, setEvents] = useState<StaffEventView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const seq = useRef(0);

  const load = useCallback(async (which: Day) => {
    const mine = ++seq.current;
    setError(null);
    setEvents(null);
    const res = await callStaff('staff.events', { day: which });
    if (mine !== seq.current) return;
    if (res.ok) setEvents(res.data.events);
    else setError(res.error);
  }, []);

  const show = (which: Day) => {
    setDay(which);
    void load(which);
  };

  useDidShow(() => {
    void syncAllQueued();
    if (day) {
      void load(day);
      return;
    }
    void callResident('week.get', {}).then((week) => {
      const today = dayOf(Date.now());
      const list = week.ok && week.data.days.length > 0 ? week.data.days : daysAround(today);
      setDays(list);
      show(defaultDay(list, Date.now()) ?? today);
    });
  });
  usePullDownRefresh(() => {
    if (day) void load(day).finally(() => Taro.stopPullDownRefresh());
    else Taro.stopPullDownRefresh();
  });

  const today = dayOf(Date.now());
  return (
    <ThemedPage className="staff-page staff-events">
      {days && (
        <ScrollView className="day-tabs" scrollX enhanced showScrollbar={false}>
          <View className="day-tabs__row">
            {days.map((d) => (
              <View
                key={d}
                id={`staff-day-${d}`}
                className={`day-tab${d === day ? ' day-tab--active' : ''}`}
                onClick={() => show(d)}
              >
                <Text className="day-tab__date">{dayLabel(d)}</Text>
                <Text className="day-tab__weekday">{d === today ? '今天' : weekdayLabel(d)}</Text>
              </View>
            ))}
          </View>
        </ScrollView>
      )}

      {error ? (
        <ErrorState error={error} onRetry={error.retryable && day ? () => void load(day) : undefined} />
      ) : !events ? (
        <Loading />
      ) : events.length === 0 ? (
        <Empty text="这一天没有您负责的活动" />
      ) : (
        <View className="staff-event-list">
          {events.map((event) => (
            <StaffEventCard key={event.id} event={event} />
          ))}
        </View>
      )}
    </ThemedPage>
  );
}

function StaffEventCard({ event }: { event: StaffEventView }) {
  const id = encodeURIComponent(event.id);
  const pending = new ScanQueue(taroStore, event.id).size();
  return (
    <View className="staff-event" id={`staff-event-${event.id}`}>
      <View className="staff-event__top">
        <Text className="staff-event__time">
          {clockLabel(event.startAt)}–{clockLabel(event.endAt)}
        </Text>
        {event.cancelled && <Badge text="已取消" tone="muted" />}
      </View>
      <Text className="staff-event__title">{event.title}</Text>
      <Text className="staff-event__line">地点：{event.venue}</Text>
      <Text className="staff-event__line">{event.unitName}</Text>
      <View className="staff-event__stats">
        <Text className="stat stat--strong">已签到 {event.checkedIn} 人</Text>
        <Text className="stat">报名 {event.confirmedPeople} 人</Text>
        <Text className="stat">座位 {event.capacity === null ? '不限' : event.capacity}</Text>
        {event.walkIns > 0 && <Text className="stat">现场登记 {event.walkIns} 人</Text>}
      </View>
      {pending > 0 && <Text className="staff-event__pending">本机待同步 {pending} 条</Text>}
      <View className="staff-event__actions">
        <Button className="btn btn--primary staff-event__scan" onClick={() => go(`/staff/scan/index?eventId=${id}`)}>
          扫码签到
        </Button>
        <Button
          className="btn btn--secondary staff-event__roster"
          onClick={() => go(`/staff/roster/index?eventId=${id}`)}
        >
          名单
        </Button>
      </View>
      <Text className="link staff-event__walkin" onClick={() => go(`/staff/walkin/index?eventId=${id}`)}>
        现场登记 / 代报名
      </Text>
    </View>
  );
}
