/**
 * 活动详情: every field of one event, my sign-up if any, and one main action — 我要报名, or
 * 出示签到码 once signed up. Opened from the list, a shared card, or a poster's 小程序码 (whose
 * scene is the event id). Shares as a WeChat card with title, time and place; on the web 分享
 * copies the link. In 大字 mode the labels are plainer.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, EventView, RegistrationView } from '../../../types/api';
import { spanLabel } from '@backend/core/time';
import { callResident } from '../../api/client';
import { Badge } from '../../components/badge';
import { EventPracticalCard } from '../../components/event-practical';
import { ErrorState, Loading } from '../../components/states';
import { audienceText, codeAvailable, registrationStatusText, seatsText, signupAction } from '../../format';
import { CATEGORY_LABELS, MODE_LABELS } from '../../labels';
import { ShareButton, enableShareMenu } from '../../platform/share';
import { routeParam } from '../../route';
import { ThemedPage, useTheme } from '../../theme';
import './index.css';

/** Field labels: 标准 and the plainer wording of 大字 mode. */
const LABELS = {
  time: ['时间', '什么时候'],
  venue: ['活动地点', '在哪里'],
  content: ['形式与内容', '活动内容'],
  category: ['类别', '活动类别'],
  audience: ['对象', '适合谁参加'],
  host: ['主办单位', '举办单位'],
  street: ['街道/镇', '所在街道/镇'],
  mode: ['形式', '参加方式'],
  free: ['惠民', '要不要钱'],
  seats: ['余位', '名额'],
  online: ['线上参与', '网上参加'],
} as const;

/** The text of a share card: title, then time and place (WeChat cuts long titles itself). */
export function shareTitle(event: Pick<EventView, 'title' | 'startAt' | 'endAt' | 'venue'>): string {
  return `${event.title}｜${spanLabel(event.startAt, event.endAt)}｜${event.venue}`;
}

export default function EventPage() {
  const { params } = useRouter();
  // A 小程序码 opens the page with `scene` (the event id) instead of `id`.
  const eventId = routeParam(params, 'id') || routeParam(params, 'scene');
  const [data, setData] = useState<{ event: EventView; mine: RegistrationView | null } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const { large } = useTheme();
  const label = (key: keyof typeof LABELS) => LABELS[key][large ? 1 : 0];

  const load = useCallback(async () => {
    if (!eventId) {
      setError({ code: 'EVENT_NOT_FOUND', message: '没有找到该活动', retryable: false });
      return;
    }
    setError(null);
    const res = await callResident('event.get', { eventId });
    if (res.ok) setData(res.data);
    else setError(res.error);
  }, [eventId]);

  // On every show: coming back from the sign-up page must show the new status.
  useDidShow(() => {
    void load();
  });

  useEffect(() => enableShareMenu(), []);

  const path = `pages/event/index?id=${encodeURIComponent(eventId)}`;
  useShareAppMessage(() => ({
    title: data ? shareTitle(data.event) : '全民终身学习活动周',
    path: `/${path}`,
  }));

  if (error) {
    return (
      <ThemedPage>
        <ErrorState error={error} onRetry={error.retryable ? () => void load() : undefined} />
      </ThemedPage>
    );
  }
  if (!data) {
    return (
      <ThemedPage>
        <Loading />
      </ThemedPage>
    );
  }

  const { event, mine } = data;
  const seats = seatsText(event, large);
  const showCode = mine !== null && codeAvailable(mine, event, Date.now());
  const action = showCode
    ? {
        label: '出示签到码',
        enabled: true,
        reason: large ? '您已报名，到场时请出示签到码' : '您已报名，到场时出示签到码即可签到',
      }
    : signupAction(event, mine, large);
  const status = mine ? registrationStatusText(mine) : null;

  const main = () => {
    if (showCode && mine) {
      void Taro.navigateTo({ url: `/pages/code/index?id=${encodeURIComponent(mine.id)}` });
      return;
    }
    void Taro.navigateTo({ url: `/pages/signup/index?id=${encodeURIComponent(event.id)}` });
  };
  const copyLink = () => {
    if (event.onlineUrl) void Taro.setClipboardData({ data: event.onlineUrl });
  };
  // 进入线上活动: the tap within the activity's time is the online attendance (counted by the backend).
  const joinOnline = async () => {
    const res = await callResident('online.join', { eventId: event.id });
    if (!res.ok) {
      void Taro.showToast({ title: res.error.message, icon: 'none' });
      return;
    }
    if (Taro.getEnv() === Taro.ENV_TYPE.WEB) window.open(res.data.url, '_blank', 'noopener');
    else void Taro.setClipboardData({ data: res.data.url });
    void Taro.showToast({ title: res.data.counted ? '已计入线上参与' : (res.data.note ?? '已打开链接'), icon: 'none' });
  };

  return (
    <ThemedPage className="event-page">
      <View className="detail">
        <Text className="detail__kicker">活动项目</Text>
        <Text className="detail__title">{event.title}</Text>
        <View className="detail__badges">
          <Badge text={seats.text} tone={seats.tone} />
          <Badge text={MODE_LABELS[event.mode]} tone="info" />
          <Badge
            text={event.free ? (large ? '免费' : '惠民（免费）') : event.fee ? `收费 ${event.fee}` : '收费'}
            tone={event.free ? 'ok' : 'muted'}
          />
          {event.venueRole && <Badge text={event.venueRole === 'main' ? '主会场' : '分会场'} tone="info" />}
        </View>

        {status && mine && (
          <View className={`my-status my-status--${status.tone}`}>
            <Text className="my-status__label">我的报名：</Text>
            <Text className="my-status__text">{status.text}</Text>
            {mine.status !== 'cancelled' && mine.companions > 0 && (
              <Text className="my-status__extra">（含同行家属 {mine.companions} 人）</Text>
            )}
          </View>
        )}

        <EventPracticalCard event={event} />

        <Field label={label('time')} value={spanLabel(event.startAt, event.endAt)} />
        <Field label={label('venue')} value={event.venue} />
        <Field label={label('content')} value={event.content} multiline />
        <Field label={label('category')} value={CATEGORY_LABELS[event.category]} />
        <Field label={label('audience')} value={audienceText(event)} />
        <Field label={label('host')} value={event.unitName} />
        <Field label={label('street')} value={event.streetName} />
        <Field label={label('mode')} value={MODE_LABELS[event.mode]} />
        <Field
          label={label('free')}
          value={event.free ? (large ? '免费' : '是（免费参加）') : large ? '要收费' : '否'}
        />
        <Field
          label={label('seats')}
          value={
            event.capacity === null
              ? large
                ? '不用报名，直接去参加'
                : '无需报名，可直接参加'
              : large
                ? `还有 ${event.seatsLeft ?? 0} 个（一共 ${event.capacity} 个${event.waitingCount ? `，${event.waitingCount} 人在排队` : ''}）`
                : `${event.seatsLeft ?? 0} 个（共 ${event.capacity} 个${event.waitingCount ? `，候补 ${event.waitingCount} 人` : ''}）`
          }
        />
        {event.onlineUrl && (
          <View className="field">
            <Text className="field__label">{label('online')}</Text>
            <Text className="field__value field__value--link" userSelect>
              {event.onlineUrl}
            </Text>
            {event.mode !== 'offline' && (
              <Button className="online-join" onClick={() => void joinOnline()}>
                进入线上活动
              </Button>
            )}
            <View className="link" onClick={copyLink} role="button">
              <Text>复制链接</Text>
            </View>
          </View>
        )}
      </View>

      <ShareButton className="event-share" path={path} label={large ? '分享给家人朋友' : '分享'} />

      <View className="action-bar">
        {action.reason && <Text className="action-bar__reason">{action.reason}</Text>}
        <Button
          className={`btn btn--primary btn--block signup-button${showCode ? ' show-code-button' : ''}${action.enabled ? '' : ' btn--disabled'}`}
          disabled={!action.enabled || undefined}
          onClick={action.enabled ? main : undefined}
        >
          {action.label}
        </Button>
      </View>
    </ThemedPage>
  );
}

function Field({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  if (!value) return null;
  return (
    <View className={`field${multiline ? ' field--multiline' : ''}`}>
      <Text className="field__label">{label}</Text>
      <Text className="field__value" userSelect>
        {value}
      </Text>
    </View>
  );
}
