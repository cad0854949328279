/** 活动详情: every field of one event, my sign-up if any, and one main action. */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ApiError, EventView, RegistrationView } from '../../../types/api';
import { spanLabel } from '../../../cloudfunctions/core/time';
import { callResident } from '../../api/client';
import { Badge } from '../../components/badge';
import { ErrorState, Loading } from '../../components/states';
import { audienceText, registrationStatusText, seatsText, signupAction } from '../../format';
import { CATEGORY_LABELS, MODE_LABELS } from '../../labels';
import { routeParam } from '../../route';
import './index.css';

export default function EventPage() {
  const { params } = useRouter();
  const eventId = routeParam(params, 'id');
  const [data, setData] = useState<{ event: EventView; mine: RegistrationView | null } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

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

  if (error) {
    return (
      <View className="page">
        <ErrorState error={error} onRetry={error.retryable ? () => void load() : undefined} />
      </View>
    );
  }
  if (!data) {
    return (
      <View className="page">
        <Loading />
      </View>
    );
  }

  const { event, mine } = data;
  const seats = seatsText(event);
  const action = signupAction(event, mine);
  const status = mine ? registrationStatusText(mine) : null;

  const signUp = () => {
    void Taro.navigateTo({ url: `/pages/signup/index?id=${encodeURIComponent(event.id)}` });
  };
  const copyLink = () => {
    if (event.onlineUrl) void Taro.setClipboardData({ data: event.onlineUrl });
  };

  return (
    <View className="page event-page">
      <View className="detail">
        <Text className="detail__kicker">活动项目</Text>
        <Text className="detail__title">{event.title}</Text>
        <View className="detail__badges">
          <Badge text={seats.text} tone={seats.tone} />
          <Badge text={MODE_LABELS[event.mode]} tone="info" />
          <Badge text={event.free ? '惠民（免费）' : '收费'} tone={event.free ? 'ok' : 'muted'} />
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

        <Field label="时间" value={spanLabel(event.startAt, event.endAt)} />
        <Field label="活动地点" value={event.venue} />
        <Field label="形式与内容" value={event.content} multiline />
        <Field label="类别" value={CATEGORY_LABELS[event.category]} />
        <Field label="对象" value={audienceText(event)} />
        <Field label="主办单位" value={event.unitName} />
        <Field label="街道/镇" value={event.streetName} />
        <Field label="形式" value={MODE_LABELS[event.mode]} />
        <Field label="惠民" value={event.free ? '是（免费参加）' : '否'} />
        <Field
          label="余位"
          value={
            event.capacity === null
              ? '无需报名，可直接参加'
              : `${event.seatsLeft ?? 0} 个（共 ${event.capacity} 个${event.waitingCount ? `，候补 ${event.waitingCount} 人` : ''}）`
          }
        />
        {event.onlineUrl && (
          <View className="field">
            <Text className="field__label">线上参与</Text>
            <Text className="field__value field__value--link" userSelect>
              {event.onlineUrl}
            </Text>
            <Text className="link" onClick={copyLink}>
              复制链接
            </Text>
          </View>
        )}
      </View>

      <View className="action-bar">
        {action.reason && <Text className="action-bar__reason">{action.reason}</Text>}
        <Button
          className={`btn btn--primary btn--block signup-button${action.enabled ? '' : ' btn--disabled'}`}
          disabled={!action.enabled || undefined}
          onClick={action.enabled ? signUp : undefined}
        >
          {action.label}
        </Button>
      </View>
    </View>
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
