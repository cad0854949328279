/**
 * The level above the demo district: 常州市 (city) with 金坛区 and 武进区 below it, so that roll-ups
 * and reporting tasks can be seen at once. 武进区 holds its own week the week before 金坛's, with
 * attendance made through the real sign-up and door use cases (some residents came to both
 * districts, so the city counts them once). Demo data, never mixed with a real week.
 */
import type { ActivityEvent, Campaign, Org } from '../../types/domain';
import type { Store } from '../../backend/store/port';
import type { Caller } from '../../backend/usecases/context';
import { addDays, at, dayOf, type Clock } from '../../backend/core/time';
import { signUp } from '../../backend/usecases/signup';
import { manualCheckin } from '../../backend/usecases/door-admit';
import { walkIn } from '../../backend/usecases/walk-in';
import { DISTRICT } from './jintan';
import { newEventCounters } from '../../backend/core/setup';

export const CITY = { id: 'changzhou', name: '常州市' };
export const DISTRICT2 = { id: 'wujin', name: '常州市武进区' };

const WUJIN_EVENTS: { title: string; content: string; venue: string; category: ActivityEvent['category'] }[] = [
  {
    title: '武进区全民终身学习活动周开幕式',
    content: '区级开幕式与社区教育成果展示。',
    venue: '武进区市民广场',
    category: 'forum',
  },
  {
    title: '老年人智能手机课堂',
    content: '志愿者一对一辅导使用健康码与视频通话。',
    venue: '湖塘镇社区教育中心',
    category: 'training',
  },
  { title: '亲子阅读会', content: '图书馆员带领家庭共读绘本。', venue: '武进区图书馆', category: 'reading' },
];

/** Creates the city, its campaign, 武进区 with its week and attendance; joins 金坛's campaign to the city's. */
export async function loadDemoCity(store: Store, jintanCampaign: Campaign, now: number): Promise<void> {
  const year = jintanCampaign.weekStart.slice(0, 4);
  // 武进's week lies in the past whatever 金坛's week is, so that it has attendance to show.
  const lastWeek = addDays(dayOf(now), -7);
  const weekBefore = addDays(jintanCampaign.weekStart, -7);
  const wujinStart = weekBefore < lastWeek ? weekBefore : lastWeek;
  const orgs: Org[] = [
    { id: CITY.id, name: CITY.name, kind: 'city', parentId: null, districtId: CITY.id },
    { id: DISTRICT.id, name: DISTRICT.name, kind: 'district', parentId: CITY.id, districtId: DISTRICT.id },
    { id: DISTRICT2.id, name: DISTRICT2.name, kind: 'district', parentId: CITY.id, districtId: DISTRICT2.id },
    { id: 'hutang', name: '湖塘镇', kind: 'town', parentId: DISTRICT2.id, districtId: DISTRICT2.id },
    {
      id: 'centre-hutang',
      name: '湖塘镇社区教育中心',
      kind: 'unit',
      parentId: 'hutang',
      districtId: DISTRICT2.id,
      unitKind: 'community_centre',
    },
  ];
  for (const org of orgs) await store.putOrg(org);
  // The city's period spans both districts' weeks; its week ends the day before 金坛's, so that
  // residents keep landing on 金坛's week (the campaign whose week ends last).
  const city: Campaign = {
    id: `demo-changzhou-${year}`,
    districtId: CITY.id,
    name: `常州市${year}年全民终身学习活动周`,
    theme: jintanCampaign.theme,
    weekStart: jintanCampaign.weekStart,
    weekEnd: addDays(jintanCampaign.weekEnd, -1),
    periodStart: wujinStart,
    periodEnd: jintanCampaign.weekEnd,
    hosts: ['常州市教育局'],
    coHosts: [],
    undertakers: [],
    dateRule: { kind: 'week' },
    deadlines: [{ label: '活动总结', day: addDays(jintanCampaign.weekEnd, 11) }],
    demo: true,
  };
  const wujin: Campaign = {
    id: `demo-wujin-${wujinStart.slice(0, 4)}`,
    districtId: DISTRICT2.id,
    name: `武进区${wujinStart.slice(0, 4)}年全民终身学习活动周`,
    theme: jintanCampaign.theme,
    weekStart: wujinStart,
    weekEnd: addDays(wujinStart, 6),
    hosts: ['武进区教育局'],
    coHosts: [],
    undertakers: [],
    parentCampaignId: city.id,
    dateRule: { kind: 'week' },
    demo: true,
  };
  await store.putCampaign(city);
  await store.putCampaign(wujin);
  await store.putCampaign({ ...jintanCampaign, parentCampaignId: city.id });

  const organizer: Caller = {
    openid: 'demo-openid-district2-organizer',
    role: 'organizer',
    districtId: DISTRICT2.id,
    unitIds: [],
    name: '武进区教育局',
  };
  let scan = 0;
  for (const [i, e] of WUJIN_EVENTS.entries()) {
    const day = addDays(wujinStart, i * 2);
    const startAt = at(day, '09:00');
    if (startAt + 3 * 3600_000 > now) continue; // only past events get attendance
    const event: ActivityEvent = {
      id: `ev-wujin-${day}-${i}`,
      campaignId: wujin.id,
      districtId: DISTRICT2.id,
      unitId: 'centre-hutang',
      streetId: 'hutang',
      title: e.title,
      content: e.content,
      venue: e.venue,
      startAt,
      endAt: startAt + 2 * 3600_000,
      day,
      category: e.category,
      audiences: ['public'],
      mode: 'offline',
      free: true,
      venueRole: i === 0 ? 'main' : null,
      maxCompanions: 2,
      entered: null,
      status: 'approved',
      capacity: 60,
      ...newEventCounters(now),
    };
    await store.putEvent(event);
    const before: Clock = { now: () => startAt - 3600_000 };
    const during: Clock = { now: () => startAt + 10 * 60_000 };
    // Each admission at this event's door carries the next demo scan id.
    const nextDoor = () => ({
      eventId: event.id,
      deviceId: 'demo-door',
      scanId: `demo-wujin-${++scan}`.padEnd(12, '0'),
      scannedAt: during.now(),
      offline: false,
    });
    // demo-filler-1…30 are 金坛's demo residents too: the city counts each of them once.
    for (let r = 1 + i * 10; r <= 30 + i * 5; r++) {
      const resident: Caller = {
        openid: `demo-filler-${r}`,
        role: 'resident',
        districtId: null,
        unitIds: [],
        name: null,
      };
      const { registration } = await signUp({ store, clock: before, signer: null }, resident, {
        eventId: event.id,
        name: `居民${r}`,
        phone: `139${String(20_000_000 + r).slice(-8)}`,
        companions: 0,
        consent: true,
      });
      if (r % 4 === 0) continue; // signed up, did not come
      const door = nextDoor();
      await manualCheckin({ store, clock: during, signer: null }, organizer, door, registration.id);
    }
    for (let w = 0; w < 3 + i; w++) {
      const door = nextDoor();
      await walkIn({ store, clock: during, signer: null }, organizer, door, { companions: 0 });
    }
  }
}
