/**
 * 自助签到: opened by scanning a venue code (a screen or a printed sheet at the venue). On the web
 * the code's link opens this page with `code`; on WeChat a 普通链接二维码 rule opens it with the
 * scanned link in `q` (README, 自助签到). The page checks the resident in at once
 * (resident `checkin.self`) and shows the outcome as a big card; a refusal names its reason
 * (未到签到时间, 未报名 …) and counts nothing.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, SelfCheckinResult } from '../../../types/api';
import { clockLabel, spanLabel } from '@backend/core/time';
import { callResident } from '../../api/client';
import { LoginHelp } from '../../components/login-help';
import { ErrorState, Loading } from '../../components/states';
import { ThemedPage } from '../../theme';
import './index.css';

/** The venue code of the page's link: `code`, or the `code` inside WeChat's scanned link `q`. */
export function venueCodeOf(params: Partial<Record<string, string>>): string {
  const direct = params.code ? decodeURIComponent(params.code) : '';
  if (direct) return direct;
  const scanned = params.q ? decodeURIComponent(params.q) : '';
  const match = /[?&]code=([^&#]+)/.exec(scanned);
  return match ? decodeURIComponent(match[1]) : '';
}

const GOOD = new Set(['checked_in', 'already_checked_in']);

export default function SelfCheckinPage() {
  const { params } = useRouter();
  const code = venueCodeOf(params);
  const [result, setResult] = useState<SelfCheckinResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const run = useCallback(async () => {
    setError(null);
    setResult(null);
    if (!code) {
      setError({ code: 'VALIDATION_FAILED', message: '没有读到签到码，请重新扫描现场的二维码', retryable: false });
      return;
    }
    const res = await callResident('checkin.self', { code });
    if (res.ok) setResult(res.data);
    else setError(res.error);
  }, [code]);

  useEffect(() => {
    void run();
  }, [run]);

  if (error) {
    return (
      <ThemedPage className="self-checkin-page">
        <ErrorState error={error} onRetry={error.retryable ? () => void run() : undefined} />
        {error.code === 'UNAUTHENTICATED' && <LoginHelp onLoggedIn={() => void run()} />}
      </ThemedPage>
    );
  }
  if (!result) {
    return (
      <ThemedPage className="self-checkin-page">
        <Loading />
      </ThemedPage>
    );
  }
  const good = GOOD.has(result.outcome);
  return (
    <ThemedPage className="self-checkin-page">
      <View
        className={`self-card ${good ? 'self-card--ok' : 'self-card--refused'}`}
        data-outcome={result.outcome}
        role="status"
      >
        <Text className="self-card__icon">{good ? '✓' : '!'}</Text>
        <Text className="self-card__title">{result.message}</Text>
        {result.outcome === 'already_checked_in' && result.checkedInAt !== null && (
          <Text className="self-card__line">您已于 {clockLabel(result.checkedInAt)} 签到，无需重复签到</Text>
        )}
        {result.outcome === 'checked_in' && result.party > 1 && (
          <Text className="self-card__line">含同行家属，共 {result.party} 人</Text>
        )}
        {result.event && (
          <>
            <Text className="self-card__event">{result.event.title}</Text>
            <Text className="self-card__line">{spanLabel(result.event.startAt, result.event.endAt)}</Text>
            <Text className="self-card__line">{result.event.venue}</Text>
          </>
        )}
        <Text className="self-card__hint">自助签到 · 只在本活动的签到时段内有效</Text>
      </View>
      {result.outcome === 'not_registered' && result.event && (
        <Button
          className="btn btn--primary btn--block self-checkin__signup"
          onClick={() => void Taro.navigateTo({ url: `/pages/event/index?id=${result.event?.id ?? ''}` })}
        >
          查看活动并报名
        </Button>
      )}
      <Button
        className="btn btn--secondary btn--block"
        onClick={() => void Taro.switchTab({ url: '/pages/mine/index' })}
      >
        我的报名
      </Button>
    </ThemedPage>
  );
}
