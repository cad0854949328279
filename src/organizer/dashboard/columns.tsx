/** The dashboard's fixed parts: the figure tiles, the group and event tables' columns, the filters. */
import { Text, View } from '@tarojs/components';
import type { DashboardEventRow, DashboardFigures, DashboardGroup } from '../../../types/api';
import { Badge } from '../../components/badge';
import { MODE_LABELS } from '../../labels';
import type { LiveStatus } from '../../platform/live';
import type { Column } from '../components/sortable-table';
import { countText, eventTimeText, satisfactionCell } from '../figures';

export type GroupKind = 'street' | 'unit' | 'category' | 'audience';
export type EventFilter = 'today' | 'now' | 'all';

export const GROUP_OPTIONS: { value: GroupKind; label: string }[] = [
  { value: 'street', label: '街道/镇' },
  { value: 'unit', label: '单位' },
  { value: 'category', label: '类别' },
  { value: 'audience', label: '对象' },
];
export const GROUP_NAMES: Record<GroupKind, string> = {
  street: '街道/镇',
  unit: '单位',
  category: '类别',
  audience: '对象',
};

export const EVENT_FILTERS: { value: EventFilter; label: string }[] = [
  { value: 'today', label: '今日' },
  { value: 'now', label: '进行中' },
  { value: 'all', label: '全部' },
];

export interface Tile {
  key: string;
  label: string;
  hint?: string;
  value: (f: DashboardFigures) => string;
}

export const TILES: Tile[] = [
  { key: 'events', label: '活动场次', hint: '已举办/已安排', value: (f) => `${f.eventsHeld}/${f.eventsScheduled}` },
  { key: 'signups', label: '报名人数', value: (f) => countText(f.signups) },
  { key: 'checkedIn', label: '签到人次', value: (f) => countText(f.checkedIn) },
  { key: 'walkIns', label: '现场登记', hint: '人次', value: (f) => countText(f.walkIns) },
  { key: 'entered', label: '填报', hint: '线上活动，人次', value: (f) => countText(f.entered) },
  { key: 'attendance', label: '参加人次', hint: '合计', value: (f) => countText(f.attendance) },
  { key: 'distinct', label: '参加人数', hint: '不重复', value: (f) => countText(f.distinctPeople) },
  { key: 'streets', label: '开展活动的街道/镇', value: (f) => countText(f.streets) },
];

export const LIVE_TEXT: Record<LiveStatus, string> = { live: '实时', connecting: '连接中', offline: '未连接' };

export const groupColumns = (kind: GroupKind): Column<DashboardGroup>[] => [
  {
    key: 'label',
    title: GROUP_NAMES[kind],
    size: 'name',
    sortValue: (g) => g.label,
  },
  {
    key: 'events',
    title: '活动',
    size: 'num',
    sortValue: (g) => g.figures.eventsHeld,
    render: (g) => (
      <Text>
        {g.figures.eventsHeld}/{g.figures.eventsScheduled}
      </Text>
    ),
  },
  { key: 'signups', title: '报名', size: 'num', sortValue: (g) => g.figures.signups },
  { key: 'checkedIn', title: '签到', size: 'num', sortValue: (g) => g.figures.checkedIn },
  { key: 'walkIns', title: '现场', size: 'num', sortValue: (g) => g.figures.walkIns },
  { key: 'entered', title: '填报', size: 'num', sortValue: (g) => g.figures.entered },
  { key: 'attendance', title: '参加人次', size: 'num', sortValue: (g) => g.figures.attendance },
  {
    key: 'satisfaction',
    title: '满意度',
    size: 'num',
    sortValue: (g) => g.figures.satisfaction.rate,
    render: (g) => <Text>{satisfactionCell(g.figures)}</Text>,
  },
];

export const EVENT_COLUMNS: Column<DashboardEventRow>[] = [
  {
    key: 'title',
    title: '活动',
    size: 'wide',
    sortValue: (e) => e.title,
    render: (e) => (
      <View className="event-cell">
        <Text className="event-cell__title">{e.title}</Text>
        {e.happeningNow && <Badge className="event-cell__now" text="进行中" tone="ok" />}
        {e.mode !== 'offline' && <Text className="event-cell__mode">{MODE_LABELS[e.mode]}</Text>}
      </View>
    ),
  },
  { key: 'unit', title: '单位', size: 'text', sortValue: (e) => e.unitName },
  {
    key: 'time',
    title: '时间',
    size: 'time',
    sortValue: (e) => e.startAt,
    render: (e) => <Text>{eventTimeText(e)}</Text>,
  },
  {
    key: 'capacity',
    title: '座位',
    size: 'num',
    sortValue: (e) => e.capacity,
    render: (e) => <Text>{e.capacity === null ? '不限' : e.capacity}</Text>,
  },
  { key: 'signups', title: '报名', size: 'num', sortValue: (e) => e.signups },
  { key: 'checkedIn', title: '签到', size: 'num', sortValue: (e) => e.checkedIn },
  { key: 'walkIns', title: '现场', size: 'num', sortValue: (e) => e.walkIns },
  { key: 'entered', title: '填报', size: 'num', sortValue: (e) => e.entered },
  { key: 'attendance', title: '参加人次', size: 'num', sortValue: (e) => e.attendance },
];

export const REPAIR_FIELDS: Record<string, string> = {
  seatsTaken: '已占座位',
  waitingCount: '候补人数',
  checkedIn: '签到人次',
  walkIns: '现场登记',
};
