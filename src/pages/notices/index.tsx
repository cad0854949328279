/**
 * 通知: what changed about my sign-ups — an event's new time or place, a cancellation, a
 * waitlisted sign-up confirmed. Unread ones come marked; tapping one marks it read and opens
 * the event.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ApiError } from '../../../types/api';
import type { Notice } from '../../../types/domain';
import { clockLabel, dayLabel, dayOf } from '@backend/core/time';
import { callResident } from '../../api/client';
import { Badge } from '../../components/badge';
import { Empty, ErrorState, Loading } from '../../components/states';
import { ThemedPage } from '../../theme';
import './index.css';

const KIND_LABELS: Record<Notice['kind'], string> = {
  event_changed: '活动有变动',
  event_cancelled: '活动已取消',
  promoted: '候补成功',
  rating_invite: '满意度抽样',
  report_reminder: '上报提醒',
  report_returned: '上报被退回',
  event_message: '活动通知',
};

export default function NoticesPage() {
  const [notices, setNotices] = useState<Notice[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    setError(null);
    const res = await callResident('notices.list', {});
    if (res.ok) setNotices(res.data.notices);
    else setError(res.error);
  }, []);

  useDidShow(() => {
    void load();
  });

  const markRead = async (notice: Notice) => {
    if (notice.readAt !== null) return true;
    const res = await callResident('notices.read', { id: notice.id });
    if (!res.ok) return false;
    setNotices((list) => list?.map((n) => (n.id === notice.id ? { ...n, readAt: Date.now() } : n)) ?? list);
    return true;
  };

  const open = async (notice: Notice) => {
    await markRead(notice);
    void Taro.navigateTo({ url: `/pages/event/index?id=${encodeURIComponent(notice.eventId)}` });
  };

  const readAll = async () => {
    for (const n of notices ?? []) if (n.readAt === null) await markRead(n);
  };

  const unread = notices?.filter((n) => n.readAt === null).length ?? 0;

  return (
    <ThemedPage className="notices-page">
      <Text className="page-title">通知</Text>
      {error ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : !notices ? (
        <Loading />
      ) : notices.length === 0 ? (
        <Empty text="暂时没有通知。您报名的活动有变动时，会在这里告诉您。" />
      ) : (
        <>
          <View className="notices-summary">
            <Text className="notices-summary__text">{unread ? `${unread} 条未读` : '都已读过'}</Text>
            {unread > 0 && (
              <Button className="btn btn--secondary btn--small read-all" onClick={() => void readAll()}>
                全部标为已读
              </Button>
            )}
          </View>
          {notices.map((n) => (
            <View
              key={n.id}
              id={`notice-${n.id}`}
              className={`notice-item${n.readAt === null ? ' notice-item--unread' : ''}`}
              role="link"
              onClick={() => void open(n)}
            >
              <View className="notice-item__top">
                <Badge
                  text={KIND_LABELS[n.kind]}
                  tone={n.kind === 'promoted' ? 'ok' : n.kind === 'event_cancelled' ? 'muted' : 'wait'}
                />
                {n.readAt === null && <Text className="notice-item__unread">未读</Text>}
              </View>
              <Text className="notice-item__text">{n.text}</Text>
              <Text className="notice-item__time">
                {dayLabel(dayOf(n.createdAt))} {clockLabel(n.createdAt)} · 点按查看活动
              </Text>
            </View>
          ))}
        </>
      )}
    </ThemedPage>
  );
}
