/**
 * A generated district week for the in-process scenarios: 10 streets with 5 units each, `events`
 * activities over seven days with realistic fields, and `checkins` check-ins (registered
 * attendees with companions, walk-ins) drawn from a pool of residents who attend several events.
 *
 * Writing 200,000 check-ins through the sign-up and door use cases would take far longer than
 * the forms they feed, so the records are written directly through the store port in one
 * transaction, with the event counters and the campaign's summary counters set to exactly what
 * those check-ins add up to (recounted with the core's own rule, `recountCounters`). Not written:
 * the registrations behind the check-ins and the per-person visit markers (only sign-up, the door
 * and reconciliation read those; the forms read events and summary counters), except, on request,
 * the whole-scope markers ('all|<personKey>', one per registered person) the roll-up counts people
 * by. A city is several such districts (`district`, `parentCampaignId`), drawing on one pool of
 * residents, so that many people come in more than one district.
 */
import type { ActivityEvent, Audience, Campaign, Category, Checkin, Day, EventMode, Org } from '../../types/domain';
import { AUDIENCES, CATEGORIES } from '../../types/domain';
import { distinctKey, ratingDeltas, recountCounters, VERSION_KEY } from '../../backend/core/dashboard';
import { PERSON_MARKER_PREFIX } from '../../backend/core/rollup';
import { addDays, at } from '../../backend/core/time';
import type { Store } from '../../backend/store/port';
import type { Caller } from '../../backend/usecases/context';
import { prng } from './stats';
import { newEventCounters } from '../../backend/core/setup';

export interface WeekSize {
  events: number;
  checkins: number;
}

export interface GeneratedWeek {
  campaign: Campaign;
  unitIds: string[];
  organizer: Caller;
  checkins: number;
  /** Check-ins (with companions) + walk-ins + entered figures: what F3 must report. */
  attendance: number;
  distinctPeople: number;
  /** The person keys of the check-ins (holder keys; one key per walk-in), from the generated records. */
  personKeys: Set<string>;
}

const BENCH_DISTRICT = { id: 'bench-district', name: '基准区', parentId: null };
const STREETS = [
  '西城街道',
  '东城街道',
  '尧塘街道',
  '金城镇',
  '儒林镇',
  '指前镇',
  '直溪镇',
  '朱林镇',
  '薛埠镇',
  '华城镇',
];
const UNIT_KINDS: [string, Org['unitKind']][] = [
  ['社区教育中心', 'community_centre'],
  ['中心小学', 'school'],
  ['图书馆分馆', 'library'],
  ['老年大学', 'college'],
  ['职工培训中心', 'enterprise'],
];
const TITLES: [string, string][] = [
  ['智能手机使用培训', '志愿者一对一辅导老年人使用健康码、预约挂号、视频通话，识别常见电信诈骗。'],
  ['“书香社区”亲子共读会', '绘本共读与手工，家长与孩子一起完成阅读打卡。'],
  ['垃圾分类知识讲座', '讲解四分类标准与投放要点，现场有奖问答。'],
  ['非遗剪纸体验课', '非遗传承人现场教学，学员完成一幅作品带回家。'],
  ['家庭急救技能培训', '心肺复苏与海姆立克急救法，红十字会讲师示范并逐一练习。'],
  ['新型职业农民田间课堂', '农技员讲授冬季果树管理，现场答疑。'],
  ['退役军人创业分享会', '优秀退役军人讲述创业经历，对接就业创业政策。'],
  ['社区文艺展演', '社区学习团队展示合唱、舞蹈、戏曲学习成果。'],
];
const SLOTS = ['08:30', '09:00', '09:30', '10:00', '14:00', '14:30', '15:00', '19:00'];
const HOUR = 60 * 60_000;
const PEOPLE = 60_000;

export async function generateWeek(
  store: Store,
  size: WeekSize,
  options: {
    weekStart: Day;
    now: number;
    seed?: number;
    writeCheckins: boolean;
    /** Write the whole-scope visit markers of the registered people (the roll-up reads them). */
    writePeople?: boolean;
    /** Another district than the default one (its ids prefix the org, event and campaign ids). */
    district?: { id: string; name: string; parentId: string };
    parentCampaignId?: string;
  },
): Promise<GeneratedWeek> {
  const random = prng(options.seed ?? 20201114);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const { weekStart, now } = options;
  const DISTRICT = options.district ?? BENCH_DISTRICT;
  const prefix = options.district ? `${DISTRICT.id}-` : '';

  const orgs: Org[] = [
    { id: DISTRICT.id, name: DISTRICT.name, kind: 'district', parentId: DISTRICT.parentId, districtId: DISTRICT.id },
  ];
  const unitIds: string[] = [];
  STREETS.forEach((name, s) => {
    const streetId = `${prefix}street-${s}`;
    orgs.push({
      id: streetId,
      name,
      kind: name.endsWith('镇') ? 'town' : 'street',
      parentId: DISTRICT.id,
      districtId: DISTRICT.id,
    });
    UNIT_KINDS.forEach(([suffix, unitKind], u) => {
      const id = `${prefix}unit-${s}-${u}`;
      unitIds.push(id);
      orgs.push({
        id,
        name: `${name.replace(/街道|镇$/, '')}${suffix}`,
        kind: 'unit',
        parentId: streetId,
        districtId: DISTRICT.id,
        unitKind,
        contact: { name: '张老师', position: '主任', phone: '0519-82000000', email: 'unit@example.org' },
      });
    });
  });
  const campaign: Campaign = {
    id: `${prefix}bench-campaign-${size.events}`,
    ...(options.parentCampaignId ? { parentCampaignId: options.parentCampaignId } : {}),
    districtId: DISTRICT.id,
    name: '基准区2026年度全民终身学习活动周',
    theme: '全民智学，助力“双战双赢”',
    weekStart,
    weekEnd: addDays(weekStart, 6),
    hosts: ['基准区委宣传部', '基准区教育局'],
    coHosts: ['基准区社区培训学院'],
    undertakers: ['尧塘街道办事处'],
    demo: false,
  };

  // Events: the host unit's street, a day of the week, a slot; online ones get an entered figure.
  const events: ActivityEvent[] = [];
  for (let i = 0; i < size.events; i++) {
    const unitId = unitIds[i % unitIds.length];
    const streetId = unitId.replace(/unit-(\d+)-\d+$/, 'street-$1');
    const day = addDays(weekStart, between(0, 6));
    const startAt = at(day, pick(SLOTS));
    const [title, content] = pick(TITLES);
    const r = random();
    const mode: EventMode = r < 0.08 ? 'online' : r < 0.15 ? 'hybrid' : 'offline';
    const audiences = [...new Set<Audience>([pick(AUDIENCES), pick(AUDIENCES)])];
    events.push({
      id: `${prefix}bench-ev-${String(i).padStart(5, '0')}`,
      campaignId: campaign.id,
      districtId: DISTRICT.id,
      unitId,
      streetId,
      title,
      content,
      venue: mode === 'online' ? '线上直播' : `${orgs.find((o) => o.id === unitId)?.name ?? ''}多功能教室`,
      startAt,
      endAt: startAt + between(3, 8) * 15 * 60_000,
      day,
      category: pick<Category>(CATEGORIES),
      audiences,
      mode,
      ...(mode === 'offline' ? {} : { onlineUrl: 'https://example.org/live' }),
      free: random() < 0.95,
      venueRole: i < 2 ? 'main' : random() < 0.05 ? 'sub' : null,
      maxCompanions: audiences.includes('families') ? 3 : 2,
      entered:
        mode === 'online'
          ? { participants: between(50, 500), note: '直播平台观看人数', enteredBy: 'bench', enteredAt: now }
          : null,
      status: 'approved',
      // Set below from the check-ins; open attendance (no sign-up) for some offline events.
      capacity: mode === 'online' || random() < 0.15 ? null : 0,
      ...newEventCounters(now),
    });
  }

  // Check-ins: spread over the events that have a door, in proportion to random weights.
  const withDoor = events.filter((e) => e.mode !== 'online');
  const weights = withDoor.map(() => 0.3 + random() * 1.4);
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((size.checkins * w) / total));
  for (let k = 0, left = size.checkins - counts.reduce((a, b) => a + b, 0); left > 0; k++, left--) {
    counts[k % counts.length] += 1;
  }
  const checkins: Checkin[] = [];
  const ratings: { eventId: string; score: number }[] = [];
  withDoor.forEach((event, e) => {
    const seen = new Set<number>();
    let registeredPeople = 0;
    for (let k = 0; k < counts[e]; k++) {
      const walkIn = event.capacity === null || random() < 0.1;
      const party = random() < 0.85 ? 1 : random() < 0.8 ? 2 : 3;
      const checkedInAt = event.startAt + Math.floor((random() * 45 - 15) * 60_000);
      let person: number;
      do person = Math.floor(random() * PEOPLE);
      while (seen.has(person));
      seen.add(person);
      const holderKey = `h${person.toString(36).padStart(6, '0')}`;
      const scanId = `${prefix}w${e}-${k}`;
      const id = walkIn ? `walkin_${scanId}` : `${event.id}_${holderKey}`;
      checkins.push({
        id,
        eventId: event.id,
        campaignId: campaign.id,
        unitId: event.unitId,
        registrationId: walkIn ? null : id,
        personKey: walkIn ? `walkin:${scanId}` : holderKey,
        day: event.day,
        hour: Math.floor(((checkedInAt + 8 * HOUR) % (24 * HOUR)) / HOUR),
        party,
        name: null,
        phone: null,
        status: 'active',
        method: walkIn ? 'walkin' : random() < 0.9 ? 'code' : 'manual',
        checkedInAt,
        recordedAt: checkedInAt,
        deviceId: `door-${e % 3}`,
        staffId: 'bench-staff',
        offline: random() < 0.05,
        undoneAt: null,
        undoneBy: null,
        undoReason: null,
      });
      if (walkIn) event.walkIns += party;
      else {
        event.checkedIn += party;
        registeredPeople += party;
        if (random() < 0.12) ratings.push({ eventId: event.id, score: pick([5, 5, 5, 5, 5, 5, 5, 4, 4, 3]) });
      }
    }
    if (event.capacity !== null) {
      event.capacity = Math.max(20, Math.ceil((registeredPeople * 1.15 + 1) / 10) * 10);
      event.seatsTaken = Math.min(event.capacity, Math.round(registeredPeople * 1.08));
    }
  });

  const { counters, visits } = recountCounters(checkins, []);
  for (const rating of ratings) {
    for (const [key, n] of Object.entries(ratingDeltas(rating))) counters[key] = (counters[key] ?? 0) + n;
  }
  counters[VERSION_KEY] = checkins.length + 1;

  await store.atomic(async () => {
    await store.putCampaign(campaign);
    for (const org of orgs) await store.putOrg(org);
    for (const event of events) await store.putEvent(event);
    if (options.writeCheckins) for (const checkin of checkins) await store.insertCheckin(checkin);
    await store.bumpCounters(campaign.id, counters);
    if (options.writePeople) {
      for (const [marker, n] of Object.entries(visits)) {
        if (n > 0 && marker.startsWith(PERSON_MARKER_PREFIX)) await store.addVisit(campaign.id, marker, 1);
      }
    }
  });

  const attendance = events.reduce((n, e) => n + e.checkedIn + e.walkIns + (e.entered?.participants ?? 0), 0);
  return {
    campaign,
    unitIds,
    organizer: { openid: 'bench-organizer', role: 'organizer', districtId: DISTRICT.id, unitIds: [], name: '区教育局' },
    checkins: checkins.length,
    attendance,
    distinctPeople: counters[distinctKey({})] ?? 0,
    personKeys: new Set(checkins.map((c) => c.personKey)),
  };
}
