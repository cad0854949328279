/**
 * 下级汇总: for an organizer at any level, its week's figures broken down by the level below
 * (a city sees its districts, a province its cities) as the statistics form counts them, each
 * level drillable down to the one below it. Figures are live roll-ups (backend/core/rollup.ts):
 * 人次 and events add up, people are counted once across the levels below.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ApiError, RollupFigures } from '../../../types/api';
import { Empty, ErrorState, Loading } from '../../components/states';
import { ThemedPage } from '../../theme';
import { callOrganizer, type OrganizerOutput } from '../api';
import '../organizer.css';
import '../organizer-forms.css';
import '../reports/index.css';

type View_ = OrganizerOutput<'rollup.get'>;

const COLUMNS: [keyof RollupFigures, string][] = [
  ['eventsScheduled', '计划场次'],
  ['eventsHeld', '举办场次'],
  ['attendance', '参加人次'],
  ['distinctPeople', '参加人数'],
  ['checkedIn', '扫码签到'],
  ['walkIns', '现场登记'],
  ['online', '线上参与'],
];

function Figures({ f, id }: { f: RollupFigures; id?: string }) {
  return (
    <View className="report-rates" id={id}>
      {COLUMNS.map(([key, label]) => (
        <Text key={key} className={`level-figure level-figure--${key}`}>
          {label} {f[key]}
        </Text>
      ))}
    </View>
  );
}

export default function LevelsPage() {
  const [view, setView] = useState<View_ | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  /** The campaigns drilled into, top first (empty: the caller's own week). */
  const [trail, setTrail] = useState<string[]>([]);
  const load = useCallback(async (campaignId?: string) => {
    setError(null);
    const res = await callOrganizer('rollup.get', campaignId ? { campaignId } : {});
    if (res.ok) setView(res.data);
    else setError(res.error);
  }, []);
  useDidShow(() => void load(trail[trail.length - 1]));
  usePullDownRefresh(() => void load(trail[trail.length - 1]).finally(() => Taro.stopPullDownRefresh()));
  const go = (next: string[]) => {
    setTrail(next);
    void load(next[next.length - 1]);
  };
  if (error) return <ErrorState error={error} onRetry={() => void load(trail[trail.length - 1])} />;
  if (!view) return <Loading />;
  return (
    <ThemedPage className="organizer-page levels-page">
      <View className="org-header">
        <Text className="org-header__title">{view.campaign.orgName} 汇总</Text>
        <Text className="org-header__line">{view.campaign.name}</Text>
      </View>
      <View className="section" id="levels-total">
        <Text className="section__title">合计（含下级）</Text>
        <Figures f={view.figures} id="levels-total-figures" />
        <Text className="section__hint">同一人在多个下级参加只计 1 人；人次与场次逐级相加。</Text>
        <Text className="section__hint">本级直接举办：</Text>
        <Figures f={view.own} />
        {trail.length > 0 && (
          <Button className="btn btn--secondary" id="levels-up" onClick={() => go(trail.slice(0, -1))}>
            返回上一级
          </Button>
        )}
      </View>
      <View className="section" id="levels-below">
        <Text className="section__title">按下一级分列</Text>
        {view.below.length === 0 ? (
          <Empty text="下一级还没有加入本活动周的单位" />
        ) : (
          view.below.map((b) => (
            <View
              key={b.campaignId}
              className="report-row"
              role="link"
              id={`level-${b.orgId}`}
              onClick={() => go([...trail, b.campaignId])}
            >
              <Text className="report-row__title">{b.orgName}</Text>
              <Text className="report-row__meta">
                {b.weekStart}–{b.weekEnd} · 点按查看其下一级
              </Text>
              <Figures f={b.figures} />
            </View>
          ))
        )}
      </View>
    </ThemedPage>
  );
}
