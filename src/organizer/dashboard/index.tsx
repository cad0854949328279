/**
 * 实时统计: the week's and today's figures of the caller's scope (the district for organizers,
 * their own units for staff), today's arrivals by hour, attendance by day, sortable tables by
 * street/town, unit, category and audience, and every event with what is happening now. The
 * figures follow changes without a reload (src/platform/live: server-sent events on H5, a
 * CloudBase watch on WeChat). Organizers also enter online participant figures (填报) and run a
 * recount against the raw records (重新核对).
 */
import { Button, Text, View } from '@tarojs/components';
import { BusyButton } from '../../components/busy-button';
import Taro, { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError, ApiResult, DashboardFigures, DashboardView, ReconcileReport } from '../../../types/api';
import type { Role } from '../../../types/domain';
import { dayLabel, dayOf, shanghai } from '@backend/core/time';
import { callResident } from '../../api/client';
import { Badge } from '../../components/badge';
import { BarChart, LineChart } from '../../components/charts';
import { ErrorState, Loading } from '../../components/states';
import { useBusy } from '../../hooks/use-call';
import { MODE_LABELS } from '../../labels';
import { watchLive, type LiveStatus } from '../../platform/live';
import { isOrganizer } from '../access';
import { callOrganizer } from '../api';
import { SortableTable } from '../components/sortable-table';
import { Segmented } from '../components/segmented';
import {
  HOUR_LABELS,
  acceptsEnteredFigure,
  clockWithSeconds,
  dayAxisLabel,
  eventTimeText,
  peakHourText,
  percentText,
} from '../figures';
import {
  EVENT_COLUMNS,
  EVENT_FILTERS,
  EventFilter,
  GROUP_NAMES,
  GROUP_OPTIONS,
  GroupKind,
  LIVE_TEXT,
  REPAIR_FIELDS,
  TILES,
  groupColumns,
} from './columns';
import { EnterPanel } from './enter-panel';
import { SetupLinks } from './setup-links';
import '../organizer.css';
import '../organizer-forms.css';
import './index.css';
import { ThemedPage } from '../../theme';

/** While the live channel is down, the page still refreshes this often. */
const POLL_MS = 30_000;

export default function DashboardPage() {
  const [view, setView] = useState<DashboardView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [refreshFailed, setRefreshFailed] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [live, setLive] = useState<LiveStatus>('connecting');
  const [visible, setVisible] = useState(true);
  const [group, setGroup] = useState<GroupKind>('street');
  const [eventFilter, setEventFilter] = useState<EventFilter>('today');
  const [entering, setEntering] = useState<string | null>(null);
  const [report, setReport] = useState<ReconcileReport | null>(null);
  const reconcileBusy = useBusy();
  const reconciling = reconcileBusy.busy;
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    const res = await callOrganizer('dashboard.get', {});
    if (mine !== seq.current) return;
    if (res.ok) {
      setView(res.data);
      setError(null);
      setRefreshFailed(false);
      setUpdatedAt(Date.now());
    } else {
      // Keep showing the last figures if a refresh fails; say so beside the time.
      setRefreshFailed(true);
      setError(res.error);
    }
  }, []);

  useDidShow(() => {
    setVisible(true);
    void load();
    void callResident('me.get', {}).then((me) => setRole(me.ok ? me.data.role : null));
  });
  useDidHide(() => setVisible(false));
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const campaignId = view?.campaign.id ?? null;
  useEffect(() => {
    if (!campaignId || !visible) return undefined;
    return watchLive({ campaignId, onChange: () => void load(), onStatus: setLive });
  }, [campaignId, visible, load]);

  useEffect(() => {
    if (!campaignId || !visible || live === 'live') return undefined;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [campaignId, visible, live, load]);

  const hourly = useMemo(() => view?.hourlyToday ?? [], [view]);
  const dayChart = useMemo(() => {
    const days = view?.byDay ?? [];
    return {
      labels: days.map((d) => dayAxisLabel(d.key, view?.today ?? '')),
      values: days.map((d) => d.figures.attendance),
      highlight: days.flatMap((d, i) => (d.key === view?.today ? [i] : [])),
    };
  }, [view]);
  /** The hour running now (Asia/Shanghai), while today is the dashboard's day. */
  const hourHighlight = useMemo(() => {
    const now = view?.generatedAt ?? 0;
    return view && dayOf(now) === view.today ? [shanghai(now).hour()] : [];
  }, [view]);

  const groups = useMemo(() => {
    if (!view) return [];
    return { street: view.byStreet, unit: view.byUnit, category: view.byCategory, audience: view.byAudience }[group];
  }, [view, group]);
  const columns = useMemo(() => groupColumns(group), [group]);

  const events = useMemo(() => {
    if (!view) return [];
    if (eventFilter === 'now') return view.events.filter((e) => e.happeningNow);
    if (eventFilter === 'today') return view.events.filter((e) => e.day === view.today);
    return view.events;
  }, [view, eventFilter]);
  const onlineEvents = useMemo(
    () => (view ? view.events.filter(acceptsEnteredFigure).sort((a, b) => a.startAt - b.startAt) : []),
    [view],
  );

  const organizer = isOrganizer(role);

  const reconcile = () =>
    reconcileBusy.run(async () => {
      if (!campaignId) return;
      const res = await reconcileAll(campaignId);
      if (res.ok) {
        setReport(res.data);
        void load();
      } else {
        void Taro.showModal({
          title: '未能核对',
          content: res.error.message,
          showCancel: false,
          confirmText: '知道了',
        });
      }
    });

  if (!view) {
    return (
      <ThemedPage className="organizer-page dashboard-page">
        {error ? <ErrorState error={error} onRetry={() => void load()} /> : <Loading />}
        {/* An organizer above the district (a city, a province) has no district week here: 上报任务 and its roll-up are. */}
        {error && organizer && <SetupLinks organizer />}
      </ThemedPage>
    );
  }

  const titleOf = (id: string) => view.events.find((e) => e.id === id)?.title ?? id;

  return (
    <ThemedPage className="organizer-page dashboard-page">
      <View className="org-header">
        <Text className="org-header__title">实时统计</Text>
        <Text className="org-header__line">
          {view.scope.kind === 'district' ? view.scope.name : `本单位：${view.scope.name}`}
        </Text>
        <Text className="org-header__line">{view.campaign.name}</Text>
        <View className="live-status" aria-live="polite">
          <Text className={`live-dot live-dot--${live}`} />
          <Text className={`live-status__text live-status__text--${live}`}>{LIVE_TEXT[live]}</Text>
          {updatedAt !== null && (
            <Text className="live-status__time">
              更新于 {clockWithSeconds(updatedAt)}
              {refreshFailed ? '（刷新失败，显示的是上次的数据）' : ''}
            </Text>
          )}
        </View>
        <View className="org-header__actions">
          <Button className="btn btn--secondary btn--small" onClick={() => void load()}>
            刷新
          </Button>
          <Button
            className="btn btn--secondary btn--small"
            onClick={() => void Taro.navigateTo({ url: '/organizer/forms/index' })}
          >
            统计报表
          </Button>
        </View>
      </View>

      <SetupLinks organizer={organizer} />

      <View className="section">
        <Text className="section__title">本周（今日）</Text>
        <Text className="section__hint">大字为本周累计，下方为今日（{dayLabel(view.today)}）</Text>
        <View className="tiles">
          {TILES.map((t) => (
            <View key={t.key} className="tile" id={`tile-${t.key}`}>
              <Text className="tile__label">
                {t.label}
                {t.hint ? <Text className="tile__hint">（{t.hint}）</Text> : null}
              </Text>
              <Text className="tile__value">{t.value(view.week)}</Text>
              <Text className="tile__today">今日 {t.value(view.todayFigures)}</Text>
            </View>
          ))}
          <SatisfactionTile week={view.week} today={view.todayFigures} />
        </View>
        <Text className="section__note">
          参加人次 = 签到 + 现场登记 +
          填报；填报为组织者填写的线上活动人数，不是签到。报名人数为已确认的座位（含同行家属）。
        </Text>
      </View>

      <View className="section">
        <Text className="section__title">今日到场（按小时）</Text>
        <LineChart
          labels={HOUR_LABELS}
          values={hourly}
          labelEvery={3}
          highlight={hourHighlight}
          until={hourHighlight[0]}
          label={`今日每小时到场人次：${peakHourText(hourly)}`}
          className="chart--hourly"
        />
        <Text className="section__hint chart-summary">{peakHourText(hourly)}</Text>
      </View>

      <View className="section">
        <Text className="section__title">每日参加人次</Text>
        <BarChart
          labels={dayChart.labels}
          values={dayChart.values}
          highlight={dayChart.highlight}
          label={`本周每日参加人次：${view.byDay.map((d) => `${dayLabel(d.key)} ${d.figures.attendance}`).join('，')}`}
          className="chart--days"
        />
        <Text className="section__hint chart-summary">
          {view.byDay.map((d) => `${dayLabel(d.key)} ${d.figures.attendance}`).join('　')}
        </Text>
      </View>

      <View className="section">
        <Text className="section__title">分组统计</Text>
        <Segmented options={GROUP_OPTIONS} value={group} onChange={setGroup} label="分组方式" />
        <Text className="section__hint">点表头排序；活动 = 已举办/已安排</Text>
        <SortableTable
          key={group}
          id={`table-${group}`}
          caption={`按${GROUP_NAMES[group]}统计`}
          columns={columns}
          rows={groups}
          rowKey={(g) => g.key}
          initialSort={{ key: 'attendance', dir: 'desc' }}
        />
      </View>

      <View className="section">
        <Text className="section__title">活动明细</Text>
        <Segmented options={EVENT_FILTERS} value={eventFilter} onChange={setEventFilter} label="活动范围" />
        <SortableTable
          id="table-events"
          caption="活动明细"
          columns={EVENT_COLUMNS}
          rows={events}
          rowKey={(e) => e.id}
          initialSort={{ key: 'time', dir: 'asc' }}
          rowClassName={(e) => (e.happeningNow ? 'table__row--now' : '')}
          empty={eventFilter === 'now' ? '此刻没有进行中的活动' : '没有活动'}
        />
      </View>

      {organizer && (
        <View className="section" id="enter-section">
          <Text className="section__title">线上活动人数填报</Text>
          <Text className="section__note">
            线上活动没有签到，由组织者按直播或线上平台的数据填报参与人数。填报数计入“参加人次”，在统计和报表中标明为“填报”，不计入签到。
          </Text>
          {onlineEvents.length === 0 ? (
            <Text className="section__hint">没有线上活动</Text>
          ) : (
            onlineEvents.map((e) => (
              <View key={e.id} className="online-event" id={`online-${e.id}`}>
                <Text className="online-event__title">{e.title}</Text>
                <Text className="online-event__line">
                  {eventTimeText(e)} · {e.unitName} · {MODE_LABELS[e.mode]}
                </Text>
                <Text className={`online-event__value${e.entered === null ? ' online-event__value--none' : ''}`}>
                  {e.entered === null ? '尚未填报' : `已填报 ${e.entered} 人次`}
                </Text>
                {entering === e.id ? (
                  <EnterPanel
                    event={e}
                    onCancel={() => setEntering(null)}
                    onSaved={() => {
                      setEntering(null);
                      void load();
                    }}
                  />
                ) : (
                  <Button className="btn btn--secondary btn--block enter-button" onClick={() => setEntering(e.id)}>
                    填报线上人数
                  </Button>
                )}
              </View>
            ))
          )}
        </View>
      )}

      {organizer && (
        <View className="section" id="reconcile-section">
          <Text className="section__title">数据核对</Text>
          <Text className="section__note">按原始报名和签到记录重新计算所有数字，发现不一致时自动修正并列出。</Text>
          <BusyButton className="btn--secondary btn--block" busy={reconciling} lock onClick={() => void reconcile()}>
            重新核对
          </BusyButton>
          {report && (
            <View className="notice notice--info report" id="reconcile-report">
              <Text className="report__title">
                已核对 {report.checkedEvents} 项活动：
                {report.repairs.length === 0 ? '所有数字与原始记录一致' : `修正了 ${report.repairs.length} 处`}
              </Text>
              {report.repairs.map((r, i) => (
                <Text key={`${r.target}-${r.field}-${i}`} className="report__line">
                  {r.target === report.campaignId ? '汇总' : titleOf(r.target)} · {REPAIR_FIELDS[r.field] ?? r.field}：
                  {r.was} → {r.now}
                </Text>
              ))}
            </View>
          )}
        </View>
      )}
    </ThemedPage>
  );
}

function SatisfactionTile({ week, today }: { week: DashboardFigures; today: DashboardFigures }) {
  const s = week.satisfaction;
  return (
    <View className="tile tile--wide" id="tile-satisfaction">
      <Text className="tile__label">群众满意度</Text>
      <Text className="tile__value">{s.rate === null ? '暂无评价' : percentText(s.rate)}</Text>
      <Text className="tile__sub">{s.ratings} 份评价（4–5 分占比）</Text>
      {s.meetsExcellence && <Badge className="tile__mark" text="达到优秀组织奖标准（≥80%）" tone="ok" />}
      <Text className="tile__today">
        今日 {today.satisfaction.rate === null ? '暂无' : percentText(today.satisfaction.rate)}（
        {today.satisfaction.ratings} 份）
      </Text>
    </View>
  );
}

/** `reconcile.run` does a page of events per call (10 s limit): call on until `next` is null. */
async function reconcileAll(campaignId: string): Promise<ApiResult<ReconcileReport>> {
  const total: ReconcileReport = { campaignId, checkedEvents: 0, repairs: [], next: 0 };
  while (total.next !== null) {
    const res = await callOrganizer('reconcile.run', { campaignId, cursor: total.next });
    if (!res.ok) return res;
    total.checkedEvents += res.data.checkedEvents;
    total.repairs.push(...res.data.repairs);
    total.next = res.data.next;
  }
  return { ok: true, data: total };
}
