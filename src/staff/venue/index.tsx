/**
 * 自助签到码: for an activity with nobody at the door. Shows a venue code on this screen that
 * changes every 30 seconds (staff `venue.codes`: ten minutes of codes at once, so a network gap
 * does not stop it), and on request a fixed code to print, which works only inside the
 * activity's check-in window. Residents scan either with WeChat (on the web: open its link) and
 * check themselves in on their own sign-up (pages/self-checkin).
 */
import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, VenueCodes } from '../../../types/api';
import { clockLabel, spanLabel } from '@backend/core/time';
import { ErrorState, Loading } from '../../components/states';
import { pageUrl } from '../../platform/page-url';
import { QrCode } from '../../platform/qr-code';
import { routeParam } from '../../route';
import { ThemedPage } from '../../theme';
import { callStaff } from '../api';
import '../staff.css';
import './index.css';

const PAGE = 'pages/self-checkin/index';
const linkOf = (code: string) => pageUrl(`${PAGE}?code=${encodeURIComponent(code)}`);

export default function VenueCodePage() {
  const { params } = useRouter();
  const eventId = routeParam(params, 'eventId');
  const [codes, setCodes] = useState<VenueCodes | null>(null);
  const [offset, setOffset] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [printed, setPrinted] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    if (!eventId) return;
    const res = await callStaff('venue.codes', { eventId });
    if (!res.ok) {
      setError(res.error);
      return;
    }
    setError(null);
    setCodes(res.data);
    setOffset(res.data.serverTime - Date.now());
  }, [eventId]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const serverNow = now + offset;
  const current = codes?.codes.find((c) => c.validFrom <= serverNow && serverNow < c.validTo) ?? null;
  const last = codes?.codes[codes.codes.length - 1];
  useEffect(() => {
    // Fetch the next ten minutes before the last code runs out.
    if (last && serverNow > last.validFrom - 60_000) void load();
  }, [last, serverNow, load]);

  if (error) return <ErrorState error={error} onRetry={() => void load()} />;
  if (!codes) return <Loading />;

  const printCode = async () => {
    const res = await callStaff('venue.codes', { eventId: codes.eventId, printed: true });
    if (res.ok) setPrinted(res.data.printed);
    else setError(res.error);
  };
  const open = serverNow >= codes.opensAt && serverNow <= codes.closesAt;

  return (
    <ThemedPage className="staff-page venue-page">
      <View className="venue-screen">
        <Text className="venue-screen__title">{codes.title}</Text>
        <Text className="venue-screen__line">微信扫一扫，自助签到</Text>
        {current ? (
          <QrCode className="venue-screen__qr" text={linkOf(current.code)} label="自助签到二维码：微信扫码签到" />
        ) : (
          <Text className="venue-screen__line">正在更新签到码…</Text>
        )}
        <Text className="venue-screen__line">
          二维码每 30 秒更新
          {current ? `，${Math.max(0, Math.ceil((current.validTo - serverNow) / 1000))} 秒后更换` : ''}
        </Text>
        <Text className={`venue-screen__window${open ? '' : ' venue-screen__window--closed'}`}>
          签到时段：{spanLabel(codes.opensAt, codes.closesAt)}
          {open ? '（进行中）' : serverNow < codes.opensAt ? '（未开始，现在扫码会提示未到签到时间）' : '（已结束）'}
        </Text>
      </View>
      <View className="venue-print">
        <Text className="venue-print__text">
          没有屏幕？打印一张固定签到码贴在入口：它只在签到时段内有效（{clockLabel(codes.opensAt)} 至{' '}
          {clockLabel(codes.closesAt)}），生成会记入筹备日志。
        </Text>
        {printed ? (
          <View className="venue-print__code">
            <QrCode className="venue-print__qr" text={linkOf(printed)} label="固定自助签到码" />
            <Text className="venue-print__text">请用浏览器或微信的打印功能打印本页</Text>
          </View>
        ) : (
          <Button className="btn btn--secondary btn--block venue-print__make" onClick={() => void printCode()}>
            生成打印用固定签到码
          </Button>
        )}
      </View>
    </ThemedPage>
  );
}
