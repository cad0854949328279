/**
 * 签到码: the QR code of a confirmed sign-up, to show at the door. It changes every window
 * (30 s) from a batch of signed codes kept on the phone, so it keeps working without the
 * network for about ten minutes; a new batch is fetched when fewer than REFRESH_BELOW remain.
 * Beside it, the six-digit short code for manual entry. The screen is kept bright and on.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../types/api';
import { spanLabel } from '@backend/core/time';
import { callResident } from '../../api/client';
import type { StoredCodes } from '../../checkin-codes';
import {
  REFRESH_BELOW,
  REFRESH_RETRY_MS,
  codeAt,
  codesLeft,
  groupDigits,
  mergeCodes,
  skewOf,
} from '../../checkin-codes';
import { ErrorState, Loading } from '../../components/states';
import { QrCode } from '../../platform/qr-code';
import { holdScreenBright } from '../../platform/screen';
import { routeParam } from '../../route';
import { ThemedPage } from '../../theme';
import './index.css';

const storageKey = (registrationId: string) => `llw.checkinCodes.${registrationId}`;

function readStored(registrationId: string): StoredCodes | null {
  try {
    const raw: unknown = Taro.getStorageSync(storageKey(registrationId));
    if (typeof raw !== 'object' || raw === null) return null;
    const stored = raw as StoredCodes;
    return stored.registrationId === registrationId && Array.isArray(stored.codes) ? stored : null;
  } catch {
    return null;
  }
}

function writeStored(stored: StoredCodes): void {
  try {
    Taro.setStorageSync(storageKey(stored.registrationId), stored);
  } catch {
    // Storage full or unavailable: the page still works while it stays open.
  }
}

export default function CodePage() {
  const { params } = useRouter();
  const registrationId = routeParam(params, 'id');
  const [stored, setStored] = useState<StoredCodes | null>(() => (registrationId ? readStored(registrationId) : null));
  const [error, setError] = useState<ApiError | null>(null);
  const [offline, setOffline] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const fetching = useRef(false);
  const lastAttempt = useRef(0);
  const storedRef = useRef(stored);
  storedRef.current = stored;

  const save = useCallback((next: StoredCodes) => {
    storedRef.current = next;
    setStored(next);
    writeStored(next);
  }, []);

  const fetchCodes = useCallback(async () => {
    if (!registrationId || fetching.current) return;
    fetching.current = true;
    lastAttempt.current = Date.now();
    const res = await callResident('checkin.codes', { registrationId });
    fetching.current = false;
    if (!res.ok) {
      // Keep showing saved codes through a network failure; any other refusal is final.
      if (res.error.code === 'STORE_UNAVAILABLE' && storedRef.current) setOffline(true);
      else setError(res.error);
      return;
    }
    const receivedAt = Date.now();
    const skew = skewOf(res.data.serverTime, receivedAt);
    const previous = storedRef.current;
    setOffline(false);
    setError(null);
    save({
      registrationId,
      codes: mergeCodes(previous?.codes ?? [], res.data.codes, receivedAt + skew),
      shortCode: res.data.shortCode,
      skew,
      event: previous?.event,
    });
  }, [registrationId, save]);

  const fetchEvent = useCallback(async () => {
    const res = await callResident('signup.mine', {});
    if (!res.ok) return;
    const item = res.data.items.find((i) => i.registration.id === registrationId);
    const current = storedRef.current;
    if (!item || !current) return;
    const { title, startAt, endAt, venue } = item.event;
    save({ ...current, event: { title, startAt, endAt, venue } });
  }, [registrationId, save]);

  useEffect(() => {
    if (!registrationId) {
      setError({ code: 'REGISTRATION_NOT_FOUND', message: '没有找到该报名', retryable: false });
      return;
    }
    void fetchCodes().then(fetchEvent);
  }, [registrationId, fetchCodes, fetchEvent]);

  // One tick a second: the code changes at the window boundary without the network.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const at = now + (stored?.skew ?? 0);
  const left = stored ? codesLeft(stored.codes, at) : 0;
  useEffect(() => {
    if (!stored || left >= REFRESH_BELOW || (error && !error.retryable)) return;
    if (Date.now() - lastAttempt.current < REFRESH_RETRY_MS) return;
    void fetchCodes();
  }, [stored, left, error, fetchCodes, now]);

  // Bright and awake while shown; back to normal when the page hides or closes.
  const screen = useRef<Promise<() => void> | null>(null);
  const release = useCallback(() => {
    const held = screen.current;
    screen.current = null;
    void held?.then((undo) => undo());
  }, []);
  useDidShow(() => {
    setNow(Date.now());
    screen.current ??= holdScreenBright();
  });
  useDidHide(release);
  useEffect(() => release, [release]);

  if (error && (!stored || !error.retryable)) {
    return (
      <ThemedPage className="code-page">
        <ErrorState error={error} onRetry={error.retryable ? () => void fetchCodes() : undefined} />
      </ThemedPage>
    );
  }
  if (!stored) {
    return (
      <ThemedPage className="code-page">
        <Loading text="正在生成签到码…" />
      </ThemedPage>
    );
  }

  const current = codeAt(stored.codes, at);
  // The six digits rotate with the QR code (codes saved by an older version carry none).
  const digits = current?.shortCode ?? stored.shortCode;
  const event = stored.event;
  return (
    <ThemedPage className="code-page">
      {event && (
        <View className="code-event">
          <Text className="code-event__title">{event.title}</Text>
          <Text className="code-event__line">时间：{spanLabel(event.startAt, event.endAt)}</Text>
          <Text className="code-event__line">地点：{event.venue}</Text>
        </View>
      )}

      <View className="code-card">
        {current ? (
          <QrCode text={current.code} label="签到二维码" />
        ) : (
          <View className="code-card__expired">
            <Text className="code-card__expired-text">二维码需要更新，请连接网络</Text>
            <Button className="btn btn--primary" onClick={() => void fetchCodes()}>
              重新获取
            </Button>
          </View>
        )}
        <Text className="code-card__hint">请向工作人员出示此二维码</Text>
      </View>

      <View className="short-code">
        <Text className="short-code__label">手工签到码</Text>
        <Text className="short-code__digits" aria-label={digits.split('').join(' ')}>
          {groupDigits(digits)}
        </Text>
        <Text className="short-code__hint">扫码不便时，请把这 6 位数字告诉工作人员</Text>
      </View>

      {offline && (
        <View className="notice notice--wait code-offline">
          <Text className="notice__text">网络不给力，正在使用手机上保存的签到码。</Text>
        </View>
      )}
      {error && (
        <View className="notice notice--error">
          <Text className="notice__text">{error.message}</Text>
        </View>
      )}
      <Text className="code-note">二维码和 6 位手工签到码每 30 秒自动更新，截图无效，请勿转给他人。</Text>
    </ThemedPage>
  );
}
