/**
 * 扫码签到: continuous scanning at the door of one event. Each scan shows one clear card and the
 * scanner is ready for the next without a tap. Codes can also be typed: the six-digit short code
 * (looked up, then the person picked if several share it) or a whole code pasted in. Without the
 * network the device judges codes itself and queues the acceptances (offline/door.ts).
 */
import { Button, Text, View } from '@tarojs/components';
import { BusyButton } from '../../components/busy-button';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ApiError, RosterEntry, StaffEventView } from '../../../types/api';
import { CODE_VERSION } from '@backend/core/checkin-code';
import { spanLabel } from '@backend/core/time';
import { ErrorState } from '../../components/states';
import { Scanner } from '../../platform/scanner';
import { TextField } from '../../platform/text-field';
import { routeParam } from '../../route';
import { PendingBar } from '../components/pending-bar';
import { ScanCard } from '../components/scan-card';
import type { DoorAnswer, DoorResult } from '../offline/door';
import { useDoor } from '../use-door';
import '../staff.css';
import './index.css';
import { ThemedPage } from '../../theme';

const go = (url: string) => void Taro.navigateTo({ url });

export default function StaffScanPage() {
  const { params } = useRouter();
  const eventId = routeParam(params, 'eventId');
  const { door, pending, syncing, syncNow } = useDoor(eventId);
  const [event, setEvent] = useState<StaffEventView | null>(() => door.cachedRoster()?.event ?? null);
  const [checkedIn, setCheckedIn] = useState<number | null>(() => door.cachedRoster()?.event.checkedIn ?? null);
  const [pageError, setPageError] = useState<ApiError | null>(null);
  const [offline, setOffline] = useState(false);
  const [card, setCard] = useState<DoorResult | null>(null);
  const [cardError, setCardError] = useState<ApiError | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState('');
  const [choices, setChoices] = useState<RosterEntry[] | null>(null);
  const [busy, setBusy] = useState(false);

  useDidShow(() => {
    if (!eventId) return;
    void door.prepare().then((r) => {
      if (r.error && !r.offline) {
        setPageError(r.error);
        return;
      }
      setOffline(r.offline);
      if (r.roster) {
        setEvent(r.roster.event);
        setCheckedIn(r.roster.event.checkedIn);
      }
    });
  });

  const show = useCallback((answer: DoorAnswer) => {
    if (!answer.ok) {
      setCard(null);
      setCardError(answer.error);
      return;
    }
    const { result, offline: wasOffline } = answer.value;
    setCardError(null);
    setCard(answer.value);
    setOffline(wasOffline);
    if (result.outcome === 'checked_in' && result.attendee) {
      const party = result.attendee.party;
      setCheckedIn((n) => (n === null ? null : n + party));
    }
  }, []);

  const onText = useCallback(
    async (text: string) => {
      show(await door.scanCode(text));
    },
    [door, show],
  );

  const pick = async (entry: RosterEntry) => {
    setChoices(null);
    setBusy(true);
    show(await door.checkInByHand(entry.registrationId));
    setBusy(false);
  };

  const submitCode = async () => {
    const q = code.trim().replace(/\s+/g, '');
    setCodeError('');
    if (busy) return;
    if (q.startsWith(`${CODE_VERSION}.`)) {
      setBusy(true);
      show(await door.scanCode(q));
      setBusy(false);
      setCode('');
      return;
    }
    if (!/^\d{6}$/.test(q)) {
      setCodeError('请输入 6 位数字签到码');
      return;
    }
    // From here on the big card is about this code: the previous person's result goes.
    setCard(null);
    setBusy(true);
    const found = await door.shortCode(q);
    setBusy(false);
    if (!found.ok) {
      setCardError(found.error);
      setCard(null);
      return;
    }
    if (found.queued) {
      setCode('');
      show({ ok: true, value: found.queued });
      return;
    }
    if (found.entries.length === 0) {
      setCardError({ code: 'REGISTRATION_NOT_FOUND', message: `未找到签到码 ${q} 的报名`, retryable: false });
      return;
    }
    setCode('');
    if (found.entries.length === 1) await pick(found.entries[0]);
    else setChoices(found.entries);
  };

  if (!eventId || pageError) {
    return (
      <ThemedPage className="staff-page">
        <ErrorState error={pageError ?? { message: '缺少活动编号', retryable: false }} />
      </ThemedPage>
    );
  }

  const id = encodeURIComponent(eventId);
  return (
    <ThemedPage className="staff-page scan-page">
      <View className="door-header">
        <Text className="door-header__title">{event?.title ?? '扫码签到'}</Text>
        {event && <Text className="door-header__line">{spanLabel(event.startAt, event.endAt)}</Text>}
        {checkedIn !== null && <Text className="door-header__count">已签到 {checkedIn} 人</Text>}
      </View>

      <PendingBar pending={pending} syncing={syncing} offline={offline} onSync={() => void syncNow()} />

      <View className="scan-result">
        {card ? (
          <ScanCard result={card.result} offline={card.offline} now={Date.now()} />
        ) : cardError ? (
          <View className="scan-card scan-card--bad" data-outcome="error" role="status" aria-live="assertive">
            <View className="scan-card__top">
              <Text className="scan-card__mark">✕</Text>
              <Text className="scan-card__title">{cardError.message}</Text>
            </View>
          </View>
        ) : (
          <View className="scan-card scan-card--idle">
            <Text className="scan-card__title">请扫描居民的签到二维码</Text>
          </View>
        )}
      </View>

      {choices && (
        <View className="choices">
          <Text className="choices__title">有 {choices.length} 人使用该签到码，请核对后选择：</Text>
          {choices.map((entry) => (
            <View key={entry.registrationId} className="choice">
              <View className="choice__who">
                <Text className="choice__name">{entry.name}</Text>
                <Text className="choice__line">
                  尾号 {entry.phoneTail} · 同行 {entry.companions} 人
                </Text>
              </View>
              <Button className="btn btn--primary btn--small choice__pick" onClick={() => void pick(entry)}>
                签到
              </Button>
            </View>
          ))}
          <Text className="link choices__cancel" onClick={() => setChoices(null)}>
            取消
          </Text>
        </View>
      )}

      <Scanner active={!busy && !choices} onText={onText} />

      <View className="manual-code">
        <Text className="manual-code__label">手工输入签到码</Text>
        <View className="manual-code__row">
          <TextField
            className="manual-code__input"
            kind="search"
            placeholder="6 位签到码"
            maxLength={400}
            value={code}
            onChange={(v) => {
              setCode(v);
              setCodeError('');
            }}
            onConfirm={() => void submitCode()}
          />
          <BusyButton
            className="btn--primary manual-code__submit"
            busy={busy}
            spinner={false}
            lock
            onClick={() => void submitCode()}
          >
            签到
          </BusyButton>
        </View>
        {codeError && <Text className="manual-code__error">{codeError}</Text>}
      </View>

      <View className="door-links">
        <Button
          className="btn btn--secondary door-links__roster"
          onClick={() => go(`/staff/roster/index?eventId=${id}`)}
        >
          名单
        </Button>
        <Button
          className="btn btn--secondary door-links__walkin"
          onClick={() => go(`/staff/walkin/index?eventId=${id}`)}
        >
          现场登记
        </Button>
      </View>
    </ThemedPage>
  );
}
