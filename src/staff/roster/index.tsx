/**
 * 签到名单: everyone signed up for the event, masked, with their check-in status; refreshed
 * every ROSTER_REFRESH_MS while shown. Search by name, phone tail or short code; check a person
 * in by hand; supervisors may undo a mistaken check-in, giving a reason (the backend checks the
 * role again). Offline, the list is the one kept on the device. Online: 导出报名名单 and
 * 通知报名者 (components/registrant-tools.tsx).
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, RosterEntry } from '../../../types/api';
import type { Role } from '../../../types/domain';
import { spanLabel } from '@backend/core/time';
import { callResident } from '../../api/client';
import { Badge } from '../../components/badge';
import { RegistrantTools } from '../../components/registrant-tools';
import { Empty, ErrorState, Loading } from '../../components/states';
import { TextField } from '../../platform/text-field';
import { maySupervise } from '../../roles';
import { routeParam } from '../../route';
import { rosterStatus } from '../cards';
import { PendingBar } from '../components/pending-bar';
import { ScanCard } from '../components/scan-card';
import type { StoredRoster } from '../offline/cache';
import type { DoorResult } from '../offline/door';
import { useDoor } from '../use-door';
import { EntryAnswers, useRosterAnswers } from '../roster-answers';
import { RosterFilterBar, WalkInList, rosterFilterKeeps, type RosterFilter } from '../roster-filter';
import '../staff.css';
import './index.css';
import { ThemedPage } from '../../theme';

const ROSTER_REFRESH_MS = 5000;

export default function StaffRosterPage() {
  const { params } = useRouter();
  const eventId = routeParam(params, 'eventId');
  const { door, pending, syncing, syncNow } = useDoor(eventId);
  const [roster, setRoster] = useState<StoredRoster | null>(() => door.cachedRoster());
  const [offline, setOffline] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [draft, setDraft] = useState('');
  const [filter, setFilter] = useState<RosterFilter>('all');
  const [found, setFound] = useState<{ query: string; entries: RosterEntry[] } | null>(null);
  const [card, setCard] = useState<DoorResult | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [undo, setUndo] = useState<{
    registrationId: string;
    reason: string;
    error?: string;
    /** Undo a check-in (supervisors), or cancel the sign-up (any door role; the check-in stays). */
    action?: 'cancel';
  } | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const answerLines = useRosterAnswers(eventId, (roster?.entries.length ?? 0) + (roster?.walkIns?.length ?? 0));

  const refresh = useCallback(async () => {
    if (!eventId) return;
    const r = await door.refreshRoster();
    if (r.error && !r.offline) {
      setError(r.error);
      return;
    }
    setError(null);
    setOffline(r.offline);
    if (r.roster) setRoster(r.roster);
  }, [door, eventId]);

  const stopLive = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  }, []);

  useDidShow(() => {
    void refresh();
    stopLive();
    timer.current = setInterval(() => void refresh(), ROSTER_REFRESH_MS);
  });
  useDidHide(stopLive);
  useEffect(() => stopLive, [stopLive]);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  useEffect(() => {
    void callResident('me.get', {}).then((me) => setRole(me.ok ? me.data.role : null));
  }, []);

  const search = async () => {
    const q = draft.trim();
    if (!q) {
      setFound(null);
      return;
    }
    const res = await door.find(q);
    if (res.ok) setFound({ query: q, entries: res.entries });
    else setActionError(res.error.message);
  };

  const checkIn = async (entry: RosterEntry) => {
    setBusyId(entry.registrationId);
    setActionError(null);
    const answer = await door.checkInByHand(entry.registrationId);
    setBusyId(null);
    if (answer.ok) setCard(answer.value);
    else setActionError(answer.error.message);
    await refresh();
  };

  const confirmUndo = async () => {
    if (!undo) return;
    const reason = undo.reason.trim();
    if (!reason) {
      setUndo({ ...undo, error: undo.action === 'cancel' ? '请填写取消原因' : '请填写撤销原因' });
      return;
    }
    setBusyId(undo.registrationId);
    const res =
      undo.action === 'cancel'
        ? await door.cancelSignup(undo.registrationId, reason)
        : await door.undo(undo.registrationId, reason);
    setBusyId(null);
    if (!res.ok) {
      setUndo({ ...undo, error: res.error.message });
      return;
    }
    setUndo(null);
    setCard(null);
    void Taro.showToast({ title: undo.action === 'cancel' ? '已取消报名' : '已撤销签到', icon: 'success' });
    await refresh();
  };

  if (!eventId || (error && !roster)) {
    const shown = error ?? { message: '缺少活动编号', retryable: false };
    return (
      <ThemedPage className="staff-page">
        <ErrorState error={shown} onRetry={shown.retryable ? () => void refresh() : undefined} />
      </ThemedPage>
    );
  }
  if (!roster) {
    return (
      <ThemedPage className="staff-page">
        <Loading />
      </ThemedPage>
    );
  }

  const { event } = roster;
  const now = Date.now();
  const accepted = door.acceptedOffline();
  const latest = new Map(roster.entries.map((e) => [e.registrationId, e]));
  const all = found ? found.entries.map((e) => latest.get(e.registrationId) ?? e) : roster.entries;
  const isIn = (e: RosterEntry) => rosterStatus(e, accepted[e.registrationId], now).checkedIn;
  const entries = all.filter((e) => rosterFilterKeeps(filter, e, isIn(e)));
  const walkIns = found ? [] : (roster.walkIns ?? []);
  const counts = {
    all: roster.entries.length + walkIns.length,
    waiting: roster.entries.filter((e) => rosterFilterKeeps('waiting', e, isIn(e))).length,
    in: roster.entries.filter(isIn).length,
    waitlisted: roster.entries.filter((e) => e.status === 'waitlisted').length,
    cancelled: roster.entries.filter((e) => e.status === 'cancelled').length,
    walkin: walkIns.length,
  };
  const supervisor = maySupervise(role);

  return (
    <ThemedPage className="staff-page roster-page">
      <View className="door-header">
        <Text className="door-header__title">{event.title}</Text>
        <Text className="door-header__line">{spanLabel(event.startAt, event.endAt)}</Text>
        <Text className="roster-totals">
          已签到 {event.checkedIn} 人 · 现场登记 {event.walkIns} 人
        </Text>
        <Text className="door-header__line">
          报名 {event.confirmedPeople} 人 · 座位 {event.capacity === null ? '不限' : event.capacity}
        </Text>
      </View>

      {!offline && <RegistrantTools eventId={event.id} />}
      {!offline && (
        <Button
          className="btn btn--secondary btn--block roster-venue-code"
          onClick={() => void Taro.navigateTo({ url: `/staff/venue/index?eventId=${event.id}` })}
        >
          自助签到码（无人值守时）
        </Button>
      )}

      <PendingBar pending={pending} syncing={syncing} offline={offline} onSync={() => void syncNow()} />

      {card && (
        <View className="roster-card">
          <ScanCard result={card.result} offline={card.offline} now={now} />
        </View>
      )}
      {actionError && (
        <View className="notice notice--error">
          <Text className="notice__text">{actionError}</Text>
        </View>
      )}

      <View className="roster-search">
        <TextField
          className="roster-search__input"
          kind="search"
          placeholder="姓名 / 手机尾号 / 签到码"
          value={draft}
          onChange={(v) => {
            setDraft(v);
            if (!v.trim()) setFound(null);
          }}
          onConfirm={() => void search()}
        />
        <Button className="btn btn--primary roster-search__button" onClick={() => void search()}>
          搜索
        </Button>
      </View>
      {found && (
        <View className="roster-found">
          <Text className="roster-found__text">
            “{found.query}” 找到 {found.entries.length} 人
          </Text>
          <Text
            className="link"
            onClick={() => {
              setDraft('');
              setFound(null);
            }}
          >
            显示全部
          </Text>
        </View>
      )}

      <RosterFilterBar value={filter} onChange={setFilter} counts={counts} />

      {(filter === 'all' || filter === 'walkin') && <WalkInList walkIns={walkIns} answerLines={answerLines} />}

      {filter === 'walkin' ? null : entries.length === 0 ? (
        <Empty text={found ? '没有找到符合的报名' : filter === 'all' ? '还没有人报名' : '没有这个状态的报名'} />
      ) : (
        <View className="roster-list">
          {entries.map((entry) => {
            const status = rosterStatus(entry, accepted[entry.registrationId], now);
            const busy = busyId === entry.registrationId;
            const undoing = undo?.registrationId === entry.registrationId;
            return (
              <View
                key={entry.registrationId}
                className={`roster-entry roster-entry--${entry.status}${status.checkedIn ? ' roster-entry--in' : ''}`}
                id={`roster-${entry.registrationId}`}
              >
                <View className="roster-entry__top">
                  <Text className="roster-entry__name">{entry.name}</Text>
                  <Badge className="roster-entry__status" text={status.text} tone={status.tone} />
                </View>
                <Text className="roster-entry__line">
                  尾号 {entry.phoneTail || '—'} · 同行 {entry.companions} 人
                  {entry.source === 'staff' ? ' · 代报名' : ''}
                </Text>
                <EntryAnswers line={answerLines.get(entry.registrationId)} />
                {entry.status === 'confirmed' && !status.checkedIn && (
                  <Button
                    className={`btn btn--primary btn--block roster-entry__checkin${busy ? ' btn--disabled' : ''}`}
                    disabled={busy || undefined}
                    onClick={() => void checkIn(entry)}
                  >
                    手工签到
                  </Button>
                )}
                {supervisor && entry.checkedInAt !== null && !undoing && (
                  <Button
                    className="btn btn--danger btn--block roster-entry__undo"
                    onClick={() => setUndo({ registrationId: entry.registrationId, reason: '' })}
                  >
                    撤销签到
                  </Button>
                )}
                {entry.status !== 'cancelled' && !undoing && (
                  <Button
                    className="btn btn--secondary btn--block roster-entry__cancel"
                    onClick={() => setUndo({ registrationId: entry.registrationId, reason: '', action: 'cancel' })}
                  >
                    取消报名
                  </Button>
                )}
                {undoing && undo && (
                  <View className="undo-form">
                    <Text className="undo-form__label">{undo.action === 'cancel' ? '取消报名原因' : '撤销原因'}</Text>
                    <TextField
                      className="undo-form__input"
                      placeholder={undo.action === 'cancel' ? '例如：本人来电要求取消' : '例如：误扫、替他人签到'}
                      maxLength={60}
                      value={undo.reason}
                      onChange={(reason) => setUndo({ ...undo, reason, error: undefined })}
                    />
                    {undo.error && <Text className="form-item__error">{undo.error}</Text>}
                    <View className="undo-form__actions">
                      <Button
                        className={`btn btn--danger undo-form__confirm${busy ? ' btn--disabled' : ''}`}
                        disabled={busy || undefined}
                        onClick={() => void confirmUndo()}
                      >
                        {undo.action === 'cancel' ? '确认取消报名' : '确认撤销'}
                      </Button>
                      <Button className="btn btn--secondary undo-form__cancel" onClick={() => setUndo(null)}>
                        {undo.action === 'cancel' ? '不取消' : '不撤销'}
                      </Button>
                    </View>
                  </View>
                )}
              </View>
            );
          })}
        </View>
      )}
    </ThemedPage>
  );
}
