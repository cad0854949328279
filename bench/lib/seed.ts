/**
 * The week the HTTP scenarios run against, written straight into the server's data file before
 * the server starts: the demo district's tree (the staff and organizer identities of
 * server/demo/identities.ts must find their unit and district), a campaign whose week starts
 * tomorrow so that sign-up is open, and one event per scenario with the seats it needs.
 */
import type { ActivityEvent, Campaign, Org } from '../../types/domain';
import { addDays, dayOf } from '../../backend/core/time';
import { openSqliteStore } from '../../backend/store/sqlite';
import { DEMO_MEMBERS } from '../../server/demo/identities';
import { newEventCounters } from '../../backend/core/setup';

export const DISTRICT_ID = DEMO_MEMBERS[0].districtId;
export const UNIT_ID = 'centre-yaotang';
export const STREET_ID = 'yaotang';

export const EVENTS = {
  warmup: { id: 'bench-warmup', capacity: 1_000 },
  signup: { id: 'bench-signup', capacity: 200 },
  checkin: { id: 'bench-checkin', capacity: 2_000 },
  offline: { id: 'bench-offline', capacity: 1_000 },
  live: { id: 'bench-live', capacity: 50 },
} as const;

export async function seedHttpWeek(file: string, now: number): Promise<{ campaignId: string; weekStart: string }> {
  const weekStart = dayOf(now);
  const store = openSqliteStore({ file });
  try {
    const orgs: Org[] = [
      { id: DISTRICT_ID, name: '常州市金坛区', kind: 'district', parentId: null, districtId: DISTRICT_ID },
      { id: STREET_ID, name: '尧塘街道', kind: 'street', parentId: DISTRICT_ID, districtId: DISTRICT_ID },
      {
        id: UNIT_ID,
        name: '尧塘街道社区教育中心',
        kind: 'unit',
        parentId: STREET_ID,
        districtId: DISTRICT_ID,
        unitKind: 'community_centre',
      },
    ];
    for (const org of orgs) await store.putOrg(org);
    for (const member of DEMO_MEMBERS) await store.putMember(member);
    const campaign: Campaign = {
      id: 'bench-week',
      districtId: DISTRICT_ID,
      name: '基准测试区全民终身学习活动周',
      theme: '全民智学',
      weekStart,
      weekEnd: addDays(weekStart, 6),
      hosts: ['基准测试区教育局'],
      coHosts: [],
      undertakers: [],
      demo: false,
    };
    await store.putCampaign(campaign);
    let slot = 0;
    for (const { id, capacity } of Object.values(EVENTS)) {
      // 40 minutes from now: sign-up is still open (it closes at the start) and the door already
      // admits (it opens 60 minutes before, core/checkin.ts), so the scenarios can do both.
      const startAt = now + 40 * 60_000 + slot++ * 60_000;
      const event: ActivityEvent = {
        id,
        campaignId: campaign.id,
        districtId: DISTRICT_ID,
        unitId: UNIT_ID,
        streetId: STREET_ID,
        title: `智能手机使用培训（${id}）`,
        content: '志愿者一对一辅导老年人使用健康码、预约挂号、视频通话。',
        venue: '尧塘街道社区教育中心多功能教室',
        startAt,
        endAt: startAt + 90 * 60_000,
        day: dayOf(startAt),
        category: 'training',
        audiences: ['elderly', 'public'],
        mode: 'offline',
        free: true,
        venueRole: null,
        maxCompanions: 0,
        entered: null,
        status: 'approved',
        capacity,
        ...newEventCounters(now),
      };
      await store.putEvent(event);
    }
    return { campaignId: campaign.id, weekStart };
  } finally {
    store.close();
  }
}
