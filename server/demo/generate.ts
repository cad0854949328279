/**
 * Generates the demo activity week into a store: the organisation tree, the campaign, a
 * week of events, and sign-ups made through the real sign-up use case by generated
 * residents, so that "nearly full" events are full because people signed up.
 */
import type { ActivityEvent, Campaign, Day, Org } from '../../types/domain';
import type { Store } from '../../backend/store/port';
import type { Clock } from '../../backend/core/time';
import { addDays, at, dayOf } from '../../backend/core/time';
import { mulberry32 } from '../../backend/core/prng';
import { signUp } from '../../backend/usecases/signup';
import {
  CAMPAIGN_TEXT,
  DISTRICT,
  campaignName,
  DISTRICT_UNITS,
  DEMO_FEE,
  STREET_PLACES,
  STREETS,
  TEMPLATES,
  type EventTemplate,
} from './jintan';
import { DEMO_MEMBERS } from './identities';
import { loadDemoHonours } from './honours';
import { loadDemoCity } from './changzhou';

export interface DemoOptions {
  /** First day of the week; by default the next 11月14日 whose week has not ended. */
  weekStart?: Day;
  /** Seed of the pseudo-random choices, so that the same options give the same week. */
  seed?: number;
}

export interface DemoSummary {
  campaignId: string;
  weekStart: Day;
  events: number;
  signups: number;
}

/** 11月14日 of this year, or of next year once this year's week (to 11月20日) is over. */
export function defaultWeekStart(now: number): Day {
  const today = dayOf(now);
  const year = Number(today.slice(0, 4));
  return today <= `${year}-11-20` ? `${year}-11-14` : `${year + 1}-11-14`;
}

const SLOTS = ['08:30', '09:00', '09:30', '10:00', '14:00', '14:30', '15:00', '19:00'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = [
  '秀英',
  '桂英',
  '建国',
  '志强',
  '红梅',
  '海燕',
  '玉兰',
  '国庆',
  '丽华',
  '文斌',
  '晓东',
  '春花',
  '金宝',
  '雪梅',
];

export async function loadDemoWeek(store: Store, clock: Clock, options: DemoOptions = {}): Promise<DemoSummary> {
  const random = mulberry32(options.seed ?? 20201114);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const weekStart = options.weekStart ?? defaultWeekStart(clock.now());
  const weekEnd = addDays(weekStart, 6);
  const year = weekStart.slice(0, 4);
  const now = clock.now();

  const orgs: Org[] = [
    { id: DISTRICT.id, name: DISTRICT.name, kind: 'district', parentId: null, districtId: DISTRICT.id },
    ...STREETS.map((s) => ({ id: s.id, name: s.name, kind: s.kind, parentId: DISTRICT.id, districtId: DISTRICT.id })),
    ...STREETS.map((s) => ({
      id: `centre-${s.id}`,
      name: `${s.name}社区教育中心`,
      kind: 'unit' as const,
      parentId: s.id,
      districtId: DISTRICT.id,
      unitKind: 'community_centre' as const,
    })),
    ...DISTRICT_UNITS.map((u) => ({
      id: u.id,
      name: u.name,
      kind: 'unit' as const,
      parentId: u.streetId,
      districtId: DISTRICT.id,
      unitKind: u.kind,
    })),
  ];
  for (const org of orgs) await store.putOrg(org);
  for (const member of DEMO_MEMBERS) await store.putMember(member);

  const campaign: Campaign = {
    id: `demo-jintan-${year}`,
    districtId: DISTRICT.id,
    name: campaignName(weekStart),
    theme: CAMPAIGN_TEXT.theme,
    weekStart,
    weekEnd,
    periodStart: weekStart,
    periodEnd: addDays(weekStart, 364),
    hosts: CAMPAIGN_TEXT.hosts,
    coHosts: CAMPAIGN_TEXT.coHosts,
    undertakers: CAMPAIGN_TEXT.undertakers,
    opening: { place: CAMPAIGN_TEXT.openingPlace, startAt: at(weekStart, '09:00') },
    demo: true,
  };
  await store.putCampaign(campaign);

  const events: ActivityEvent[] = [];
  const base = {
    campaignId: campaign.id,
    districtId: DISTRICT.id,
    status: 'approved' as const,
    seatsTaken: 0,
    checkedIn: 0,
    walkIns: 0,
    waitingCount: 0,
    createdAt: now,
    updatedAt: now,
  };
  const opening = at(weekStart, '09:00');
  events.push({
    ...base,
    id: `ev-${weekStart}-opening`,
    unitId: 'centre-yaotang',
    streetId: 'yaotang',
    title: '全民终身学习活动周开幕式暨表彰会',
    content: '区级开幕式：启动活动周，表彰“百姓学习之星”和“终身学习品牌项目”，并现场展示社区教育成果。',
    venue: '尧塘街道文化广场',
    startAt: opening,
    endAt: opening + 120 * 60_000,
    day: weekStart,
    category: 'forum',
    audiences: ['public'],
    mode: 'hybrid',
    free: true,
    venueRole: 'main',
    maxCompanions: 2,
    entered: null,
    capacity: 200,
  });

  let counter = 0;
  for (let d = 0; d < 7; d++) {
    const day = addDays(weekStart, d);
    const count = 8 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      const template = pick(TEMPLATES);
      const street = pick(STREETS);
      const host = hostOf(template, street.id);
      const startAt = at(day, pick(SLOTS));
      counter += 1;
      events.push({
        ...base,
        id: `ev-${day}-${String(counter).padStart(3, '0')}`,
        unitId: host.unitId,
        streetId: host.streetId,
        title: template.title,
        content: template.content,
        venue: template.venue.replace('{centre}', `${street.name}社区教育中心`),
        startAt,
        endAt: startAt + template.minutes * 60_000,
        day,
        category: template.category,
        audiences: [...template.audiences],
        mode: template.mode,
        ...(template.mode === 'offline' ? {} : { onlineUrl: 'https://example.org/live' }),
        free: template.free,
        // Price, contact and map position: from the street's centre, never from random(), so the
        // demo week's sign-ups stay as they were.
        ...(template.free ? {} : { fee: DEMO_FEE }),
        ...(template.mode === 'online'
          ? {}
          : {
              contactName: `${street.name}社区教育中心`,
              contactPhone: STREET_PLACES[street.id].phone,
              location: { latitude: STREET_PLACES[street.id].latitude, longitude: STREET_PLACES[street.id].longitude },
            }),
        venueRole: d === 0 && template.mode !== 'online' && random() < 0.5 ? 'sub' : null,
        maxCompanions: template.audiences.includes('families') ? 3 : 2,
        entered: null,
        capacity: template.capacity,
      });
    }
  }
  for (const event of events) await store.putEvent(event);

  // Residents sign up through the real use case: some events fill up, a few get a waitlist.
  let signups = 0;
  let resident = 0;
  for (const event of events) {
    if (event.capacity === null || event.startAt <= now) continue;
    const r = random();
    const share = r < 0.12 ? 1.15 : r < 0.35 ? 0.85 + random() * 0.12 : random() * 0.6;
    let people = Math.floor(event.capacity * share);
    while (people > 0) {
      resident += 1;
      const companions = random() < 0.2 ? 1 : 0;
      const caller = {
        openid: `demo-filler-${resident}`,
        role: 'resident' as const,
        districtId: null,
        unitIds: [],
        name: null,
      };
      try {
        await signUp({ store, clock, signer: null }, caller, {
          eventId: event.id,
          name: `${pick([...SURNAMES])}${pick(GIVEN)}`,
          phone: `139${String(10_000_000 + resident).slice(-8)}`,
          companions: Math.min(companions, event.maxCompanions),
          consent: true,
        });
        signups += 1;
      } catch {
        // A refusal (e.g. companions) just means one fewer sign-up in the demo.
      }
      people -= 1 + companions;
    }
  }
  await loadDemoCity(store, campaign, now);
  await loadDemoHonours(store, campaign.id);
  return { campaignId: campaign.id, weekStart, events: events.length, signups };
}

function hostOf(template: EventTemplate, streetId: string): { unitId: string; streetId: string } {
  if (template.host === 'centre') return { unitId: `centre-${streetId}`, streetId };
  const unit = DISTRICT_UNITS.find((u) => u.id === template.host);
  if (!unit) throw new Error(`unknown demo host ${template.host}`);
  return { unitId: unit.id, streetId: unit.streetId };
}
