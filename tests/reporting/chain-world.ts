/**
 * A small reporting chain for tests: 江苏省 (js) over 常州市 (changzhou, with 金坛区 and 溧阳市)
 * and 无锡市 (wuxi, with 锡山区), each with its campaign joined to the one above, one approved
 * event per district and an organizer bound at every level.
 */
import { at } from '../../backend/core/time';
import type { Org } from '../../types/domain';
import { aCampaign, anEvent, anOrg } from '../support/builders';
import type { Harness } from '../support/harness';

export const ORGANIZERS = {
  js: 'org-js',
  changzhou: 'org-cz',
  wuxi: 'org-wx',
  jintan: 'org-jt',
  liyang: 'org-ly',
  xishan: 'org-xs',
} as const;

const ORGS: Org[] = [
  anOrg({ id: 'js', kind: 'province', parentId: null, districtId: 'js', name: '江苏省' }),
  anOrg({ id: 'changzhou', kind: 'city', parentId: 'js', districtId: 'changzhou', name: '常州市' }),
  anOrg({ id: 'wuxi', kind: 'city', parentId: 'js', districtId: 'wuxi', name: '无锡市' }),
  anOrg({ id: 'jintan', kind: 'district', parentId: 'changzhou', districtId: 'jintan', name: '金坛区' }),
  anOrg({ id: 'liyang', kind: 'county', parentId: 'changzhou', districtId: 'liyang', name: '溧阳市' }),
  anOrg({ id: 'xishan', kind: 'district', parentId: 'wuxi', districtId: 'xishan', name: '锡山区' }),
  anOrg({ id: 'jt-s', kind: 'street', parentId: 'jintan', districtId: 'jintan', name: '尧塘街道' }),
  anOrg({ id: 'jt-u', kind: 'unit', parentId: 'jt-s', districtId: 'jintan', name: '尧塘中心' }),
  anOrg({ id: 'ly-u', kind: 'unit', parentId: 'liyang', districtId: 'liyang', name: '溧阳社区学院' }),
  anOrg({ id: 'xs-u', kind: 'unit', parentId: 'xishan', districtId: 'xishan', name: '锡山中心' }),
];

export const CAMPAIGNS = {
  js: 'cp-js',
  changzhou: 'cp-cz',
  wuxi: 'cp-wx',
  jintan: 'cp-jt',
  liyang: 'cp-ly',
  xishan: 'cp-xs',
} as const;

const PARENT: Record<keyof typeof CAMPAIGNS, keyof typeof CAMPAIGNS | null> = {
  js: null,
  changzhou: 'js',
  wuxi: 'js',
  jintan: 'changzhou',
  liyang: 'changzhou',
  xishan: 'wuxi',
};

export const EVENTS = { jintan: 'ev-jt', liyang: 'ev-ly', xishan: 'ev-xs' } as const;

export async function buildChain(h: Harness): Promise<void> {
  for (const org of ORGS) await h.store.putOrg(org);
  for (const [orgId, id] of Object.entries(CAMPAIGNS) as [keyof typeof CAMPAIGNS, string][]) {
    const parent = PARENT[orgId];
    await h.store.putCampaign(
      aCampaign({
        id,
        districtId: orgId,
        name: `${orgId} 活动周`,
        ...(parent ? { parentCampaignId: CAMPAIGNS[parent] } : {}),
      }),
    );
  }
  for (const [orgId, openid] of Object.entries(ORGANIZERS)) {
    await h.store.putMember({ openid, role: 'organizer', districtId: orgId, unitIds: [], name: `${orgId} 组织者` });
  }
  const units = { jintan: ['jt-u', 'jt-s'], liyang: ['ly-u', 'liyang'], xishan: ['xs-u', 'xishan'] } as const;
  for (const [orgId, eventId] of Object.entries(EVENTS) as [keyof typeof EVENTS, string][]) {
    await h.store.putEvent(
      anEvent({
        id: eventId,
        campaignId: CAMPAIGNS[orgId],
        districtId: orgId,
        unitId: units[orgId][0],
        streetId: units[orgId][1],
        startAt: at('2026-11-15', '09:00'),
        endAt: at('2026-11-15', '11:00'),
        capacity: 50,
      }),
    );
  }
}

let seq = 0;
const scanId = () => `scan-${String(++seq).padStart(8, '0')}`;

/** A phone number of one's own per resident: one phone holds one seat per event. */
const phoneOf = (resident: string) =>
  `139${[...resident]
    .reduce((n, c) => (n * 31 + c.charCodeAt(0)) % 100_000_000, 7)
    .toString()
    .padStart(8, '0')}`;

/** A resident (openid) signs up for the district's event and is checked in by its organizer. */
export async function attend(h: Harness, district: keyof typeof EVENTS, resident: string): Promise<void> {
  const eventId = EVENTS[district];
  const signup = await h.ok(
    'resident',
    'signup.create',
    { eventId, name: '王小明', phone: phoneOf(resident), companions: 0, consent: true },
    resident,
  );
  await h.ok(
    'staff',
    'checkin.manual',
    { eventId, deviceId: 'dev-1', scanId: scanId(), registrationId: signup.registration.id },
    ORGANIZERS[district],
  );
}

/** One walk-in (a person without a sign-up) at the district's event. */
export async function walkIn(h: Harness, district: keyof typeof EVENTS): Promise<void> {
  await h.ok(
    'staff',
    'checkin.walkin',
    { eventId: EVENTS[district], deviceId: 'dev-1', scanId: scanId(), companions: 0 },
    ORGANIZERS[district],
  );
}

/** The chain's usual attendance: 王 comes in 金坛 and 溧阳 (both 常州) and in 锡山 (无锡); 李 only in 金坛; one walk-in in 溧阳. */
export async function attendAcrossTheChain(h: Harness): Promise<void> {
  await attend(h, 'jintan', 'res-wang');
  await attend(h, 'jintan', 'res-li');
  await attend(h, 'liyang', 'res-wang');
  await walkIn(h, 'liyang');
  await attend(h, 'xishan', 'res-wang');
}

/** 常州市 asks its districts for 活动周总结 by 2026-11-23 with these items (`extra` overrides the rest). */
export async function cityTask(h: Harness, items: unknown[], extra: Record<string, unknown> = {}) {
  const input = { title: '活动周总结', deadline: '2026-11-23', targetKind: 'district', items, ...extra };
  const { task } = await h.ok(
    'organizer',
    'report.create',
    { ...input, campaignId: CAMPAIGNS.changzhou },
    ORGANIZERS.changzhou,
  );
  return task;
}
