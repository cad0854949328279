/**
 * 活动管理: the events the caller manages (their units'; the district's for organizers), by
 * status — 草稿, 待审核, 已发布, 已退回, 已取消 — with what each state allows: 编辑, 提交审核
 * (unit staff), 通过 / 退回 with a reason (organizers), 取消活动 with a reason and a
 * confirmation, 修改名额, 生成海报; on a published one 导出报名名单 and 通知报名者. A returned
 * event shows why it was returned.
 */
import { Button, Text, View } from '@tarojs/components';
import { BusyButton } from '../../components/busy-button';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useMemo, useState } from 'react';
import type { ApiError, ManagedEventView } from '../../../types/api';
import type { EventStatus, Role } from '../../../types/domain';
import { spanLabel } from '@backend/core/time';
import { callResident } from '../../api/client';
import { Badge } from '../../components/badge';
import { RegistrantTools } from '../../components/registrant-tools';
import { Empty, ErrorState, Loading } from '../../components/states';
import type { Tone } from '../../format';
import { TextField } from '../../platform/text-field';
import { isOrganizer } from '../access';
import { callOrganizer } from '../api';
import { Segmented } from '../components/segmented';
import { TextArea } from '../components/text-area';
import { ACTION_LABELS, REVIEW_DONE, eventActions, type EventAction } from '../event-actions';
import { EVENT_STATUS_LABELS, EVENT_STATUS_ORDER } from '../labels';
import { takeSaved } from '../saved';
import { dialogColours, ThemedPage } from '../../theme';
import { clearing } from '../field-errors';
import '../organizer.css';
import '../organizer-forms.css';
import './index.css';

const STATUS_TONES: Record<EventStatus, Tone> = {
  draft: 'muted',
  submitted: 'wait',
  approved: 'ok',
  returned: 'wait',
  cancelled: 'muted',
};

type Panel = { eventId: string; kind: 'return' | 'cancel' | 'capacity' } | null;

/** The tab to open first: 待审核 for organizers when something waits, else the first non-empty. */
export function firstTab(events: ManagedEventView[], organizer: boolean): EventStatus {
  const has = (s: EventStatus) => events.some((e) => e.status === s);
  const order: EventStatus[] = organizer
    ? ['submitted', 'approved', 'draft', 'returned', 'cancelled']
    : ['returned', 'draft', 'submitted', 'approved', 'cancelled'];
  return order.find(has) ?? (organizer ? 'submitted' : 'draft');
}

export default function ManagedEventsPage() {
  const [events, setEvents] = useState<ManagedEventView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [tab, setTab] = useState<EventStatus | null>(null);
  const [query, setQuery] = useState('');
  const [panel, setPanel] = useState<Panel>(null);
  /** Events acted on in this tab: they stay in view, with their new state, until the tab changes. */
  const [recent, setRecent] = useState<string[]>([]);

  const load = useCallback(async () => {
    setError(null);
    const [res, me] = await Promise.all([callOrganizer('events.managed', {}), callResident('me.get', {})]);
    const organizer = me.ok && isOrganizer(me.data.role);
    if (me.ok) setRole(me.data.role);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    setEvents(res.data.events);
    // Back from the editor: show the saved event's tab.
    const saved = takeSaved();
    const savedNow = saved && res.data.events.find((e) => e.id === saved.id);
    setRecent([]);
    if (savedNow) {
      setTab(savedNow.status);
      setQuery('');
    } else setTab((current) => current ?? firstTab(res.data.events, organizer));
  }, []);

  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const organizer = isOrganizer(role);
  const counts = useMemo(() => {
    const c: Record<EventStatus, number> = { draft: 0, submitted: 0, approved: 0, returned: 0, cancelled: 0 };
    for (const e of events ?? []) c[e.status] += 1;
    return c;
  }, [events]);
  const shown = useMemo(() => {
    const q = query.trim();
    return (events ?? [])
      .filter((e) => e.status === tab || recent.includes(e.id))
      .filter((e) => !q || e.title.includes(q) || e.unitName.includes(q) || e.venue.includes(q))
      .sort((a, b) => a.startAt - b.startAt);
  }, [events, tab, query, recent]);

  const replace = (event: ManagedEventView) => {
    setEvents((list) => list?.map((e) => (e.id === event.id ? event : e)) ?? list);
    setRecent((ids) => (ids.includes(event.id) ? ids : [...ids, event.id]));
  };

  const review = async (event: ManagedEventView, action: 'submit' | 'approve' | 'return' | 'cancel', reason = '') => {
    const res = await callOrganizer('event.review', { eventId: event.id, action, reason });
    if (!res.ok) {
      void Taro.showModal({ title: '未能完成', content: res.error.message, showCancel: false, confirmText: '知道了' });
      return false;
    }
    replace(res.data.event);
    setPanel(null);
    void Taro.showToast({ title: REVIEW_DONE[action], icon: 'none' });
    return true;
  };

  const act = (event: ManagedEventView, action: EventAction) => {
    switch (action) {
      case 'edit':
        void Taro.navigateTo({ url: `/organizer/event-edit/index?id=${encodeURIComponent(event.id)}` });
        return;
      case 'poster':
        void Taro.navigateTo({ url: `/organizer/poster/index?id=${encodeURIComponent(event.id)}` });
        return;
      case 'submit':
      case 'approve':
        void review(event, action);
        return;
      case 'return':
      case 'cancel':
      case 'capacity':
        setPanel({ eventId: event.id, kind: action });
        return;
    }
  };

  return (
    <ThemedPage className="organizer-page managed-events-page">
      <View className="org-header">
        <Text className="org-header__title">活动管理</Text>
        <Text className="org-header__line">
          {organizer
            ? '全区的活动：审核单位提交的活动，管理已发布的活动。'
            : '本单位的活动：新建后提交审核，通过后居民即可报名。'}
        </Text>
        <Button
          className="btn btn--primary btn--block new-event"
          onClick={() => void Taro.navigateTo({ url: '/organizer/event-edit/index' })}
        >
          新建活动
        </Button>
      </View>

      {error ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : !events || !tab ? (
        <Loading />
      ) : (
        <View className="section">
          <Segmented
            options={EVENT_STATUS_ORDER.map((s) => ({ value: s, label: `${EVENT_STATUS_LABELS[s]} ${counts[s]}` }))}
            value={tab}
            onChange={(s) => {
              setTab(s);
              setPanel(null);
              setRecent([]);
            }}
            label="按状态查看"
            className="status-tabs"
          />
          <TextField
            className="input events-search"
            kind="search"
            placeholder="按活动名称、单位或地点查找"
            value={query}
            onChange={setQuery}
          />
          {shown.length === 0 ? (
            <Empty text={query ? '没有找到符合的活动' : `没有${EVENT_STATUS_LABELS[tab]}的活动`} />
          ) : (
            shown.map((event) => (
              <ManagedEventCard
                key={event.id}
                event={event}
                actions={eventActions(event.status, organizer)}
                onAction={(a) => act(event, a)}
                panel={panel?.eventId === event.id ? panel.kind : null}
                onClosePanel={() => setPanel(null)}
                onReview={(action, reason) => review(event, action, reason)}
                onCapacity={replace}
              />
            ))
          )}
        </View>
      )}
    </ThemedPage>
  );
}

function seatsLine(event: ManagedEventView): string {
  if (event.capacity === null) return '无需报名（不限人数）';
  return `已报名 ${event.confirmedPeople} 人 / 名额 ${event.capacity}${event.waitingCount ? `，候补 ${event.waitingCount} 人` : ''}`;
}

function ManagedEventCard({
  event,
  actions,
  onAction,
  panel,
  onClosePanel,
  onReview,
  onCapacity,
}: {
  event: ManagedEventView;
  actions: EventAction[];
  onAction: (action: EventAction) => void;
  panel: 'return' | 'cancel' | 'capacity' | null;
  onClosePanel: () => void;
  onReview: (action: 'return' | 'cancel', reason: string) => Promise<boolean>;
  onCapacity: (event: ManagedEventView) => void;
}) {
  return (
    <View className="card-list-item managed-event" id={`managed-${event.id}`}>
      <View className="card-list-item__top">
        <Text className="card-list-item__title">{event.title}</Text>
        <Badge text={EVENT_STATUS_LABELS[event.status]} tone={STATUS_TONES[event.status]} />
      </View>
      <Text className="card-list-item__line">时间：{spanLabel(event.startAt, event.endAt)}</Text>
      <Text className="card-list-item__line">地点：{event.venue}</Text>
      <Text className="card-list-item__line">单位：{event.unitName}</Text>
      <Text className="card-list-item__line">{seatsLine(event)}</Text>
      {event.status === 'returned' && event.reviewNote && (
        <Text className="card-list-item__note review-note">退回原因：{event.reviewNote}</Text>
      )}
      {event.status === 'submitted' && !actions.includes('approve') && (
        <Text className="card-list-item__line">等待组织者审核</Text>
      )}
      {panel === null && actions.length > 0 && (
        <View className="card-list-item__actions">
          {actions.map((a) => (
            <Button
              key={a}
              className={`btn btn--small action-${a} ${a === 'cancel' ? 'btn--danger' : a === 'submit' || a === 'approve' ? 'btn--primary' : 'btn--secondary'}`}
              onClick={() => onAction(a)}
            >
              {ACTION_LABELS[a]}
            </Button>
          ))}
        </View>
      )}
      {panel === null && event.status === 'approved' && <RegistrantTools eventId={event.id} />}
      {(panel === 'return' || panel === 'cancel') && (
        <ReasonPanel kind={panel} event={event} onClose={onClosePanel} onSubmit={(reason) => onReview(panel, reason)} />
      )}
      {panel === 'capacity' && <CapacityPanel event={event} onClose={onClosePanel} onSaved={onCapacity} />}
    </View>
  );
}

function ReasonPanel({
  kind,
  event,
  onClose,
  onSubmit,
}: {
  kind: 'return' | 'cancel';
  event: ManagedEventView;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<unknown>;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const edited = clearing(() => setError(null));
  const cancel = kind === 'cancel';

  const submit = async () => {
    if (busy) return;
    if (!reason.trim()) {
      setError(cancel ? '请填写取消原因（会告诉已报名的居民）' : '请填写退回原因');
      return;
    }
    if (cancel) {
      const people = event.confirmedPeople + event.waitingCount;
      const { confirm } = await Taro.showModal({
        title: '取消活动',
        content: `确定取消“${event.title}”吗？${people ? `已报名和候补的 ${people} 人会收到取消通知，` : ''}取消后不能恢复。`,
        confirmText: '确定取消',
        cancelText: '再想想',
        ...dialogColours(true),
      });
      if (!confirm) return;
    }
    setBusy(true);
    await onSubmit(reason.trim());
    setBusy(false);
  };

  return (
    <View className={`inline-panel reason-panel reason-panel--${kind}`}>
      <Text className="inline-panel__title">{cancel ? '取消活动' : '退回修改'}</Text>
      <Text className="field-label">
        {cancel ? '取消原因（会通知已报名的居民）' : '退回原因（单位工作人员会看到）'}
      </Text>
      <TextArea
        className="reason-input"
        placeholder={cancel ? '例如：因天气原因取消' : '例如：请补充活动地点的具体门牌号'}
        maxLength={200}
        value={reason}
        onChange={edited(setReason)}
      />
      {error && <Text className="form-row__error">{error}</Text>}
      <View className="form-actions">
        <Button className="btn btn--secondary" onClick={onClose}>
          返回
        </Button>
        <Button
          className={`btn ${cancel ? 'btn--danger' : 'btn--primary'} confirm-reason${busy ? ' btn--disabled' : ''}`}
          loading={busy || undefined}
          onClick={() => void submit()}
        >
          {cancel ? '确认取消活动' : '确认退回'}
        </Button>
      </View>
    </View>
  );
}

function CapacityPanel({
  event,
  onClose,
  onSaved,
}: {
  event: ManagedEventView;
  onClose: () => void;
  onSaved: (event: ManagedEventView) => void;
}) {
  const [limited, setLimited] = useState(event.capacity !== null);
  const [text, setText] = useState(event.capacity === null ? '' : String(event.capacity));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const edited = clearing(() => setError(null));

  const save = async () => {
    if (busy) return;
    let capacity: number | null = null;
    if (limited) {
      const t = text.trim();
      if (!/^\d+$/.test(t) || Number(t) < 1) {
        setError('名额须为正整数');
        return;
      }
      capacity = Number(t);
    }
    setBusy(true);
    const res = await callOrganizer('event.setCapacity', { eventId: event.id, capacity });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    onSaved(res.data.event);
    onClose();
    void Taro.showToast({ title: '名额已修改', icon: 'success' });
  };

  return (
    <View className="inline-panel capacity-panel">
      <Text className="inline-panel__title">修改名额</Text>
      <Text className="card-list-item__line">已报名 {event.confirmedPeople} 人（含同行家属）</Text>
      <Segmented
        options={[
          { value: 'limited', label: '限定名额' },
          { value: 'open', label: '不限（无需报名）' },
        ]}
        value={limited ? 'limited' : 'open'}
        onChange={edited((v) => setLimited(v === 'limited'))}
        label="名额"
      />
      {limited && (
        <TextField
          className="input capacity-input"
          kind="phone"
          placeholder="名额（人）"
          maxLength={6}
          value={text}
          onChange={edited((v: string) => setText(v.replace(/\D+/g, '')))}
        />
      )}
      {error && (
        <View className="form-row__error capacity-error" role="alert">
          <Text>{error}</Text>
        </View>
      )}
      <View className="form-actions">
        <Button className="btn btn--secondary" onClick={onClose}>
          返回
        </Button>
        <BusyButton className="btn--primary save-capacity" busy={busy} onClick={() => void save()}>
          保存名额
        </BusyButton>
      </View>
    </View>
  );
}
