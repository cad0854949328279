/** 筹备日志: who changed the week's setup — campaign, units, staff, invitations, events — and when. */
import { Text, View } from '@tarojs/components';
import { BusyButton } from '../../components/busy-button';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { clockLabel, dayLabel, dayOf } from '@backend/core/time';
import { Empty, ErrorState, Loading } from '../../components/states';
import { callResident } from '../../api/client';
import { useBusy, useCall } from '../../hooks/use-call';
import { callOrganizer } from '../api';
import { AUDIT_ACTION_LABELS, actorText, summaryText } from '../labels';
import '../organizer.css';
import '../organizer-forms.css';
import './index.css';
import { ThemedPage } from '../../theme';

const PAGE = 50;

export default function SetupAuditPage() {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const loadingMore = useBusy();
  const more = loadingMore.busy;
  const call = useCall(() => callOrganizer('setupAudit.list', { offset: 0, limit: PAGE }), [], {
    when: 'show',
    pullDown: true,
  });
  const { error, reload: load } = call;
  const records = call.data?.records ?? null;
  const total = call.data?.total ?? 0;

  useDidShow(() => {
    void targetNames()
      .then(setNames)
      .catch(() => undefined);
  });

  const loadMore = () =>
    loadingMore.run(async () => {
      if (!records) return;
      const res = await callOrganizer('setupAudit.list', { offset: records.length, limit: PAGE });
      if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none' });
      call.setData({ records: [...records, ...res.data.records], total: res.data.total });
    });

  return (
    <ThemedPage className="organizer-page audit-page">
      <View className="org-header">
        <Text className="org-header__title">筹备日志</Text>
        <Text className="org-header__line">活动周、单位、工作人员、邀请和活动的每一次改动。</Text>
      </View>
      {error ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : !records ? (
        <Loading />
      ) : records.length === 0 ? (
        <Empty text="还没有改动记录" />
      ) : (
        <View className="section">
          <Text className="section__hint">共 {total} 条，最新的在前</Text>
          {records.map((r) => (
            <View key={r.id} className="audit-row" id={`audit-${r.id}`}>
              <View className="audit-row__top">
                <Text className="audit-row__action">{AUDIT_ACTION_LABELS[r.action] ?? r.action}</Text>
                <Text className="audit-row__time">
                  {dayLabel(dayOf(r.at))} {clockLabel(r.at)}
                </Text>
              </View>
              <Text className="audit-row__summary">{summaryText(r.summary)}</Text>
              <Text className="audit-row__meta">
                操作人：{actorText(r.actor)} · 对象：{names.get(r.target) ?? r.target}
              </Text>
            </View>
          ))}
          {records.length < total && (
            <BusyButton className="btn--secondary btn--block load-more" busy={more} onClick={() => void loadMore()}>
              加载更多
            </BusyButton>
          )}
        </View>
      )}
    </ThemedPage>
  );
}

/**
 * What the log's targets are called: events, units, staff and the week by name rather than by
 * internal id. Whatever cannot be looked up (an invitation code) shows as it is.
 */
async function targetNames(): Promise<Map<string, string>> {
  const [events, orgs, staff, week] = await Promise.all([
    callOrganizer('events.managed', {}),
    callOrganizer('org.list', {}),
    callOrganizer('staff.list', {}),
    callResident('week.get', {}),
  ]);
  const names = new Map<string, string>();
  if (events.ok) for (const e of events.data.events) names.set(e.id, `活动“${e.title}”`);
  if (orgs.ok) for (const o of orgs.data.orgs) names.set(o.id, o.name);
  if (staff.ok) for (const m of staff.data.members) names.set(m.openid, m.name);
  if (week.ok) names.set(week.data.campaign.id, week.data.campaign.name);
  return names;
}
