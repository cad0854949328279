/**
 * Filling the statistics forms (forms.md) from the same event counters and summary counters
 * the dashboard reads, so that an export equals the dashboard at the same moment. Typed
 * fields come from the saved profile; counted fields never do.
 */
import type { ActivityEvent, Campaign, Day, Org } from '../../types/domain';
import type { ActivityRow, Counted, F1Data, F2Data, F3Data, FormProfile } from '../../types/forms';
import {
  AttendanceIndex,
  attendanceOfDay,
  crossesMidnight,
  daysOfSpan,
  distinctOf,
  figuresOf,
  satisfactionOf,
  type DayCount,
  type Figures,
} from './counting';
import { clockLabel, dayLabel, dayOf, daysBetween } from './time';

export interface FormSources {
  campaign: Campaign;
  orgs: readonly Org[];
  /** Every event of the campaign, with its counters. */
  events: readonly ActivityEvent[];
  counters: Readonly<Record<string, number>>;
}

function field(profile: FormProfile | null, key: string, fallback = ''): string {
  return profile?.fields[key]?.trim() || fallback;
}

function nameOf(orgs: readonly Org[], id: string): string {
  return orgs.find((o) => o.id === id)?.name ?? '';
}

/** 参加人数 of one activity (on a day or over its days), with how it was counted. */
export function attendanceCounted(c: DayCount): Counted {
  const parts = [`签到 ${c.checkedIn} 人次`, `现场登记 ${c.walkIns} 人次`];
  if (c.online) parts.push(`线上参与 ${c.online} 人次（应用内计数）`);
  if (c.entered) parts.push(`填报 ${c.entered} 人次`);
  return { value: attendanceOfDay(c), basis: parts.join(' + ') };
}

function expectedCounted(e: ActivityEvent, profile: FormProfile | null): Counted {
  const typed = profile?.expected?.[e.id];
  if (typed !== undefined) return { value: typed, basis: `预计参加 ${typed} 人（组织者填写）` };
  if (e.capacity !== null)
    return { value: e.capacity, basis: `计划座位 ${e.capacity} 个（已报名 ${e.seatsTaken} 人）` };
  return { value: e.seatsTaken, basis: `无需报名的活动，按已报名 ${e.seatsTaken} 人计` };
}

function sumCounted(rows: readonly ActivityRow[], label: string): Counted {
  return { value: rows.reduce((n, r) => n + r.participants.value, 0), basis: `${label}：${rows.length} 行合计` };
}

/** 11月14日 09:00–11:00; 11月14日 20:00–次日01:00; a multi-day activity's span on one of its days. */
export function timeOf(e: ActivityEvent, day?: Day): string {
  const first = dayOf(e.startAt);
  const last = dayOf(Math.max(e.startAt, e.endAt - 1));
  if (first === last) return `${dayLabel(day ?? first)} ${clockLabel(e.startAt)}–${clockLabel(e.endAt)}`;
  if (crossesMidnight(e)) return `${dayLabel(first)} ${clockLabel(e.startAt)}–次日${clockLabel(e.endAt)}`;
  // A multi-day activity: on one of its days (F1), or its whole span (F2, read back by the importer).
  if (day) return `${dayLabel(day)}（${dayLabel(first)}–${dayLabel(last)}）`;
  return `${dayLabel(first)} ${clockLabel(e.startAt)}–${dayLabel(dayOf(e.endAt))} ${clockLabel(e.endAt)}`;
}

/** A form row of an activity: on one day (F1), or over all its days (F2, day undefined). */
function rowOf(e: ActivityEvent, profile: FormProfile | null, participants: Counted, day?: Day): ActivityRow {
  return {
    eventId: e.id,
    day: day ?? e.day,
    time: timeOf(e, day),
    title: e.title,
    content: profile?.contentOverrides?.[e.id]?.trim() || e.content,
    venue: e.venue,
    participants,
  };
}

const visible = (e: ActivityEvent) => e.status === 'approved';

/**
 * The attendance index of a campaign's counters, built once per read of the sources and shared by
 * every form built from them (every unit's F1 and the district's F3 from one read): an index over
 * all the campaign's events answers for any unit's events alike.
 */
const indexes = new WeakMap<FormSources, AttendanceIndex>();
function indexOf(src: FormSources): AttendanceIndex {
  let index = indexes.get(src);
  if (!index) {
    index = new AttendanceIndex(src.counters, src.events);
    indexes.set(src, index);
  }
  return index;
}

function unitEvents(src: FormSources, unitId: string): ActivityEvent[] {
  return src.events.filter((e) => visible(e) && e.unitId === unitId).sort((a, b) => a.startAt - b.startAt);
}

/** The figures of a unit (or, unitId null, the district) over the week or the period: what totals print. */
export function formFigures(src: FormSources, unitId: string | null, span: 'week' | 'all'): Figures {
  const events = src.events.filter((e) => visible(e) && (unitId === null || e.unitId === unitId));
  const index = indexOf(src);
  const s = { kind: span } as const;
  return figuresOf(events, index, daysOfSpan(s, src.campaign), distinctOf(src.counters, unitId ? [unitId] : null, s));
}

/** F1 — one per unit: seven day blocks of the week, counted 参加人数. */
export function buildF1(src: FormSources, unitId: string, profile: FormProfile | null): F1Data {
  const events = unitEvents(src, unitId);
  const index = indexOf(src);
  const week = daysBetween(src.campaign.weekStart, src.campaign.weekEnd);
  // One row per activity and day of the week it appears on, with that day's attendance.
  const days = week.map((day) => ({
    day,
    label: dayLabel(day),
    rows: events
      .filter((e) => index.daysOf(e).includes(day))
      .map((e) => rowOf(e, profile, attendanceCounted(index.on(e.id, day)), day)),
  }));
  const rows = days.flatMap((d) => d.rows);
  const people = distinctOf(src.counters, [unitId], { kind: 'week' });
  const mobilisation = events.find((e) => e.id === profile?.mobilisationEventId) ?? null;
  return {
    title: field(profile, 'title', `${src.campaign.name.replace(/周$/, '')}“启动周”活动情况统计表`),
    unitName: nameOf(src.orgs, unitId),
    leader: field(profile, 'leader'),
    organizingUnits: field(profile, 'organizingUnits', nameOf(src.orgs, unitId)),
    participatingUnits: field(profile, 'participatingUnits'),
    contact: {
      name: field(profile, 'contactName'),
      position: field(profile, 'contactPosition'),
      phone: field(profile, 'contactPhone'),
      email: field(profile, 'contactEmail'),
    },
    mobilisation: mobilisation
      ? {
          time: timeOf(mobilisation),
          place: mobilisation.venue,
          participants: attendanceCounted(index.over(mobilisation, null)),
        }
      : { time: field(profile, 'mobilisationTime'), place: field(profile, 'mobilisationPlace'), participants: null },
    theme: src.campaign.theme,
    days,
    total: sumCounted(rows, '启动周参加人数合计（人次），等于各行之和'),
    people,
    footnote: field(profile, 'footnote', '注：此表纸质稿盖章拍照后按通知要求的时间报送。'),
  };
}

/** F2 — one per unit: the activity schedule, as a plan (expected people) or with actual attendance. */
export function buildF2(
  src: FormSources,
  unitId: string,
  profile: FormProfile | null,
  mode: 'plan' | 'actual',
): F2Data {
  const events = unitEvents(src, unitId);
  const index = indexOf(src);
  const rows = events.map((e) =>
    rowOf(e, profile, mode === 'plan' ? expectedCounted(e, profile) : attendanceCounted(index.over(e, null))),
  );
  return {
    title: field(profile, 'title', '“全民终身学习推进周”活动项目安排表'),
    unitName: nameOf(src.orgs, unitId),
    contactName: field(profile, 'contactName'),
    contactPhone: field(profile, 'contactPhone'),
    mode,
    rows,
    total: sumCounted(rows, mode === 'plan' ? '预计参加人数合计（人）' : '实际参加人数合计（人次），等于各行之和'),
    people: mode === 'plan' ? null : distinctOf(src.counters, [unitId], { kind: 'all' }),
  };
}

function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** F3 — one per district: the week summary, its counted cells from the whole district. */
export function buildF3(src: FormSources, profile: FormProfile | null): F3Data {
  const { campaign, orgs, counters } = src;
  const all = src.events.filter(visible);
  const index = indexOf(src);
  const week = daysOfSpan({ kind: 'week' }, campaign);
  // The launch week only: activities appearing on its days, with their attendance on those days.
  const events = all.filter((e) => index.appears(e, week));
  const figures = formFigures(src, null, 'week');
  const held = events.filter((e) => attendanceOfDay(index.over(e, week)) > 0);
  const streets = orgs.filter((o) => o.kind === 'street' || o.kind === 'town');
  const heldStreets = streets.filter((s) => held.some((e) => e.streetId === s.id));
  const heldUnits = [...new Set(held.map((e) => e.unitId))].map((id) => nameOf(orgs, id));
  const { attendance, checkedIn, walkIns, online, entered } = figures;
  const distinct = figures.distinctPeople ?? 0;
  const days = [...(week ?? [])].filter((d) => held.some((e) => attendanceOfDay(index.on(e.id, d)) > 0)).sort();
  const satisfaction = satisfactionOf(events, counters);
  const main = held.filter((e) => e.venueRole === 'main').length;
  const sub = held.filter((e) => e.venueRole === 'sub').length;
  const hosts = [
    campaign.hosts.length ? `主办：${campaign.hosts.join('、')}` : '',
    campaign.coHosts.length ? `协办：${campaign.coHosts.join('、')}` : '',
    campaign.undertakers.length ? `承办：${campaign.undertakers.join('、')}` : '',
  ].filter(Boolean);
  const year = campaign.weekStart.slice(0, 4);
  const district = nameOf(orgs, campaign.districtId);
  return {
    title: field(profile, 'title', `${year}年${district}全民终身学习活动周总结表`),
    district,
    hostsAndCoHosts: field(profile, 'hostsAndCoHosts', hosts.join('；')),
    leadership: {
      issuingDepartment: field(profile, 'issuingDepartment'),
      attendingLeaders: field(profile, 'attendingLeaders'),
      coordinatingDepartment: field(profile, 'coordinatingDepartment'),
      planningDepartment: field(profile, 'planningDepartment'),
    },
    participation: {
      areas: {
        value: `共 ${streets.length} 个街道（镇），${heldStreets.length} 个开展活动；举办活动 ${held.length} 项`,
        basis: `有参加人数的活动 ${held.length} 项（共安排 ${events.length} 项）`,
      },
      venues: {
        value: `主会场 ${main} 个，分会场 ${sub} 个`,
        basis: '按活动标注的主会场/分会场统计（有参加人数的活动）',
      },
      participants: {
        value: `${attendance} 人次（${distinct} 人）`,
        basis: `启动周：签到 ${checkedIn} 人次 + 现场登记 ${walkIns} 人次 + 线上参与 ${online} 人次 + 填报 ${entered} 人次；到场不重复 ${distinct} 人（同行家属、现场登记按人次计）`,
      },
      highlights: field(profile, 'highlights'),
    },
    themeAndContent: {
      theme: campaign.theme,
      content: field(profile, 'content'),
      results: field(profile, 'results'),
      period: {
        value: days.length ? `${dayLabel(days[0])}—${dayLabel(days[days.length - 1])}` : '',
        basis: '有参加人数的第一天至最后一天',
      },
    },
    reach: {
      scope: {
        value: [
          heldStreets.length ? `街道（镇）：${heldStreets.map((s) => s.name).join('、')}` : '',
          heldUnits.length ? `单位：${heldUnits.join('、')}` : '',
        ]
          .filter(Boolean)
          .join('；'),
        basis: '举办或参与了有参加人数的活动的街道（镇）和单位',
      },
      satisfaction: {
        value:
          satisfaction.rate === null ? '暂无评价' : `${percent(satisfaction.rate)}（${satisfaction.ratings} 份评价）`,
        basis: `评分 4–5 分的评价占全部评价的比例：${satisfaction.good}/${satisfaction.ratings}；达到 80% 为优秀组织奖标准`,
      },
      selfAssessment: field(profile, 'selfAssessment'),
    },
    publicity: {
      range: field(profile, 'publicityRange'),
      articles: field(profile, 'articles'),
      media: field(profile, 'media'),
    },
    other: field(profile, 'other'),
  };
}
