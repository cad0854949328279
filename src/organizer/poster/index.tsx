/**
 * 活动海报: a printable poster of one event for community notice boards — the week's name, the
 * title, time, place and host, and a big code to scan: the backend's 小程序码 when it returns
 * one, otherwise a QR code of the event page drawn here (the path on WeChat, the web address on
 * H5). Printed on the web (window.print), saved to the album on WeChat.
 */
import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../types/api';
import { spanLabel } from '@backend/core/time';
import { callResident } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { pageUrl } from '../../platform/page-url';
import { QrCode } from '../../platform/qr-code';
import { routeParam } from '../../route';
import { callOrganizer } from '../api';
import { PosterOutput, type PosterContent } from '../platform/poster-output';
import '../organizer.css';
import '../organizer-forms.css';
import './index.css';
import { ThemedPage } from '../../theme';

export default function PosterPage() {
  const { params } = useRouter();
  const eventId = routeParam(params, 'id');
  const [poster, setPoster] = useState<PosterContent | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      if (!eventId) {
        setError({ code: 'EVENT_NOT_FOUND', message: '没有找到该活动', retryable: false });
        return;
      }
      const [code, managed, week] = await Promise.all([
        callOrganizer('event.poster', { eventId }),
        callOrganizer('events.managed', {}),
        callResident('week.get', {}),
      ]);
      if (!live) return;
      if (!code.ok) return setError(code.error);
      if (!managed.ok) return setError(managed.error);
      const event = managed.data.events.find((e) => e.id === eventId);
      if (!event) return setError({ code: 'EVENT_NOT_FOUND', message: '没有找到该活动', retryable: false });
      setPoster({
        campaignName: week.ok ? week.data.campaign.name : '全民终身学习活动周',
        title: event.title,
        time: spanLabel(event.startAt, event.endAt),
        venue: event.venue,
        host: [event.unitName, event.streetName].filter(Boolean).join(' · '),
        qrText: pageUrl(`${code.data.page}?id=${encodeURIComponent(eventId)}`),
        wxacodeBase64: code.data.wxacodeBase64,
      });
    })();
    return () => {
      live = false;
    };
  }, [eventId]);

  if (error) {
    return (
      <ThemedPage className="organizer-page poster-page">
        <ErrorState error={error} />
      </ThemedPage>
    );
  }
  if (!poster) {
    return (
      <ThemedPage className="organizer-page poster-page">
        <Loading text="正在生成海报…" />
      </ThemedPage>
    );
  }

  return (
    <ThemedPage className="organizer-page poster-page">
      <View className="poster" id="poster">
        <View className="poster__band">
          <Text className="poster__campaign">{poster.campaignName}</Text>
        </View>
        <Text className="poster__title">{poster.title}</Text>
        <View className="poster__facts">
          <Text className="poster__fact">
            <Text className="poster__label">时间：</Text>
            {poster.time}
          </Text>
          <Text className="poster__fact">
            <Text className="poster__label">地点：</Text>
            {poster.venue}
          </Text>
          <Text className="poster__fact">
            <Text className="poster__label">主办：</Text>
            {poster.host}
          </Text>
        </View>
        <View className="poster__code">
          {poster.wxacodeBase64 ? (
            <Image
              className="poster__wxacode"
              src={`data:image/png;base64,${poster.wxacodeBase64}`}
              mode="aspectFit"
              aria-label="活动小程序码"
            />
          ) : (
            <QrCode className="poster__qr" text={poster.qrText} label="活动二维码：扫码查看详情并报名" />
          )}
          <Text className="poster__scan">微信扫一扫，查看详情并报名</Text>
        </View>
      </View>
      <View className="poster-actions">
        <PosterOutput poster={poster} />
      </View>
    </ThemedPage>
  );
}
