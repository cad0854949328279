/** Canned organizer views (dashboard, forms) for the organizer page tests. */
import type { DashboardEventRow, DashboardFigures, DashboardGroup, DashboardView } from '../../types/api';
import type { F1Data, F3Data } from '../../types/forms';
import { at } from '../../backend/core/time';

export const TODAY = '2026-11-15';

export function figures(overrides: Partial<DashboardFigures> = {}): DashboardFigures {
  return {
    eventsScheduled: 0,
    eventsHeld: 0,
    signups: 0,
    checkedIn: 0,
    walkIns: 0,
    online: 0,
    entered: 0,
    attendance: 0,
    distinctPeople: 0,
    streets: 0,
    satisfaction: { rate: null, ratings: 0, good: 0, meetsExcellence: false },
    ...overrides,
  };
}

export function group(key: string, label: string, f: Partial<DashboardFigures>): DashboardGroup {
  return { key, label, figures: figures(f) };
}

export function eventRow(overrides: Partial<DashboardEventRow> = {}): DashboardEventRow {
  const day = overrides.day ?? TODAY;
  return {
    id: 'e1',
    title: '智能手机使用入门',
    day,
    startAt: at(day, '09:30'),
    endAt: at(day, '11:00'),
    unitName: '尧塘街道社区教育中心',
    streetName: '尧塘街道',
    category: 'lecture',
    mode: 'offline',
    capacity: 30,
    signups: 20,
    checkedIn: 15,
    walkIns: 2,
    online: 0,
    entered: null,
    attendance: 17,
    happeningNow: false,
    ...overrides,
  };
}

export function aDashboard(overrides: Partial<DashboardView> = {}): DashboardView {
  return {
    scope: { kind: 'district', name: '常州市金坛区' },
    campaign: { id: 'c1', name: '金坛区全民终身学习活动周', weekStart: '2026-11-14', weekEnd: '2026-11-20' },
    today: TODAY,
    week: figures({
      eventsScheduled: 68,
      eventsHeld: 20,
      signups: 1351,
      checkedIn: 800,
      walkIns: 45,
      entered: 320,
      attendance: 1165,
      distinctPeople: 640,
      streets: 9,
      satisfaction: { rate: 0.85, ratings: 40, good: 34, meetsExcellence: true },
    }),
    period: figures({ eventsScheduled: 70, eventsHeld: 22, attendance: 1200, distinctPeople: 650 }),
    todayFigures: figures({
      eventsScheduled: 12,
      eventsHeld: 5,
      signups: 54,
      checkedIn: 30,
      walkIns: 4,
      attendance: 34,
      distinctPeople: 31,
      streets: 3,
      satisfaction: { rate: 0.9, ratings: 10, good: 9, meetsExcellence: true },
    }),
    byStreet: [
      group('s-yaotang', '尧塘街道', { signups: 300, attendance: 250, eventsHeld: 3, eventsScheduled: 7 }),
      group('s-xicheng', '西城街道', { signups: 400, attendance: 500, eventsHeld: 4, eventsScheduled: 23 }),
      group('s-zhixi', '直溪镇', { signups: 500, attendance: 20, eventsHeld: 1, eventsScheduled: 4 }),
    ],
    byUnit: [
      group('centre-yaotang', '尧塘街道社区教育中心', { attendance: 250 }),
      group('centre-xicheng', '西城街道社区教育中心', { attendance: 500 }),
    ],
    byDay: [
      group('2026-11-14', '2026-11-14', { attendance: 400 }),
      group('2026-11-15', '2026-11-15', { attendance: 34 }),
      group('2026-11-16', '2026-11-16', { attendance: 0 }),
    ],
    byCategory: [group('lecture', '讲座', { attendance: 600 })],
    byAudience: [group('elderly', '老年人', { attendance: 700 })],
    events: [
      eventRow(),
      eventRow({
        id: 'e2',
        title: '“网课送到家”：居家养生微课',
        mode: 'online',
        capacity: null,
        signups: 0,
        checkedIn: 0,
        walkIns: 0,
        entered: null,
        attendance: 0,
        happeningNow: true,
      }),
      eventRow({ id: 'e3', title: '社区教育工作论坛', day: '2026-11-16' }),
    ],
    hourlyToday: Array.from({ length: 24 }, (_, h) => (h === 9 ? 20 : h === 10 ? 14 : 0)),
    version: 7,
    generatedAt: at(TODAY, '10:15'),
    ...overrides,
  };
}

const row = (eventId: string, day: string, title: string, value: number) => ({
  eventId,
  day,
  time: `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日 09:30–11:00`,
  title,
  content: '讲解与练习',
  venue: '尧塘社区教育中心报告厅',
  participants: { value, basis: `签到 ${value} 人次 + 现场登记 0 人次` },
});

export function anF1(overrides: Partial<F1Data> = {}): F1Data {
  return {
    title: '金坛区2020-2021年度全民终身学习活动“启动周”活动情况统计表',
    unitName: '尧塘街道社区教育中心',
    leader: '',
    organizingUnits: '尧塘街道社区教育中心',
    participatingUnits: '',
    contact: { name: '', position: '', phone: '', email: '' },
    mobilisation: { time: '', place: '', participants: null },
    theme: '全民智学，助力“双战双赢”',
    days: [
      { day: '2026-11-14', label: '11月14日', rows: [row('e1', '2026-11-14', '智能手机使用入门', 17)] },
      { day: '2026-11-15', label: '11月15日', rows: [row('e4', '2026-11-15', '茶艺与茶文化体验', 12)] },
      { day: '2026-11-16', label: '11月16日', rows: [] },
    ],
    total: { value: 29, basis: '参加人数合计（人次）：2 项活动合计' },
    footnote: '注：此表纸质稿盖章拍照后按通知要求的时间报送。',
    ...overrides,
  };
}

export function anF3(): F3Data {
  const c = (value: string) => ({ value, basis: `依据：${value}` });
  return {
    title: '2026年常州市金坛区全民终身学习活动周总结表',
    district: '常州市金坛区',
    hostsAndCoHosts: '主办：金坛区教育局',
    leadership: { issuingDepartment: '', attendingLeaders: '', coordinatingDepartment: '', planningDepartment: '' },
    participation: {
      areas: c('共 9 个街道（镇），5 个开展活动'),
      venues: c('主会场 1 个，分会场 3 个'),
      participants: c('1165 人次（640 人）'),
      highlights: '',
    },
    themeAndContent: { theme: '全民智学', content: '', results: '', period: c('11月14日—11月20日') },
    reach: { scope: c('街道（镇）：尧塘街道'), satisfaction: c('85.0%（40 份评价）'), selfAssessment: '' },
    publicity: { range: '', articles: '', media: '' },
    other: '',
  };
}
