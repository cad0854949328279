/**
 * The roster's status filter (全部 / 未签到 / 已签到 / 候补 / 已取消 / 现场登记) and the walk-in
 * list. Which entries a filter keeps is pure (rosterFilterKeeps), tested without a page.
 */
import { Text, View } from '@tarojs/components';
import type { WalkInEntry } from '../../types/api';
import { clockLabel } from '@backend/core/time';
import { EntryAnswers } from './roster-answers';

export type RosterFilter = 'all' | 'waiting' | 'in' | 'waitlisted' | 'cancelled' | 'walkin';

export const ROSTER_FILTERS: { value: RosterFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'waiting', label: '未签到' },
  { value: 'in', label: '已签到' },
  { value: 'waitlisted', label: '候补' },
  { value: 'cancelled', label: '已取消' },
  { value: 'walkin', label: '现场登记' },
];

/** Whether a sign-up shows under the filter (walk-ins are listed apart). */
export function rosterFilterKeeps(
  filter: RosterFilter,
  entry: { status: 'confirmed' | 'waitlisted' | 'cancelled' },
  checkedIn: boolean,
): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'waiting':
      return entry.status === 'confirmed' && !checkedIn;
    case 'in':
      return checkedIn;
    case 'waitlisted':
      return entry.status === 'waitlisted';
    case 'cancelled':
      return entry.status === 'cancelled';
    case 'walkin':
      return false;
  }
}

export function RosterFilterBar({
  value,
  onChange,
  counts,
}: {
  value: RosterFilter;
  onChange: (f: RosterFilter) => void;
  counts: Record<RosterFilter, number>;
}) {
  return (
    <View className="roster-filter" role="tablist" aria-label="按状态筛选">
      {ROSTER_FILTERS.map((f) => (
        <View
          key={f.value}
          id={`roster-filter-${f.value}`}
          className={`roster-filter__item${f.value === value ? ' roster-filter__item--on' : ''}`}
          role="tab"
          aria-selected={f.value === value}
          onClick={() => onChange(f.value)}
        >
          <Text>
            {f.label} {counts[f.value]}
          </Text>
        </View>
      ))}
    </View>
  );
}

export function WalkInList({
  walkIns,
  answerLines,
}: {
  walkIns: WalkInEntry[];
  /** Answers to the event's questions by walk-in id (roster-answers.tsx). */
  answerLines?: Map<string, string>;
}) {
  if (walkIns.length === 0) return null;
  return (
    <View className="walkin-list" id="walkin-list">
      <Text className="walkin-list__title">现场登记 {walkIns.length} 组</Text>
      {walkIns.map((w) => (
        <View key={w.id} className="roster-entry roster-entry--walkin">
          <View className="roster-entry__top">
            <Text className="roster-entry__name">{w.name}</Text>
            <Text className="roster-entry__line">{clockLabel(w.checkedInAt)} 到场</Text>
          </View>
          <Text className="roster-entry__line">共 {w.party} 人 · 现场登记</Text>
          <EntryAnswers line={answerLines?.get(w.id)} />
        </View>
      ))}
    </View>
  );
}
