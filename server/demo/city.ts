/**
 * The level above the demo district, for evaluation (评选 goes unit → district → city): 常州市
 * (org `changzhou`, parent of `jintan`) with one city organizer, and the honour kinds the Jintan
 * notice (seed 000) names, configured on the demo week from the presets.
 */
import type { Org, Member } from '../../types/domain';
import type { HonourKind } from '../../types/awards';
import type { Store } from '../../cloudfunctions/store/port';
import { HONOUR_PRESETS } from '../../cloudfunctions/core/honours';
import { DISTRICT } from './jintan';

export const CITY_ORG: Org = {
  id: 'changzhou',
  name: '常州市',
  kind: 'district',
  parentId: null,
  districtId: 'changzhou',
};

export const CITY_IDENTITY = {
  id: 'city-organizer',
  label: '常州市教育局 组织者',
  role: 'organizer',
  openid: 'demo-openid-organizer-changzhou',
} as const;

export const CITY_MEMBER: Member = {
  openid: CITY_IDENTITY.openid,
  role: 'organizer',
  districtId: CITY_ORG.id,
  unitIds: [],
  name: '市教育局 钱老师',
};

/** The Jintan notice's honours: 学习之星, 学习型家庭, 学习型组织, 优秀志愿者（团队）. */
const JINTAN_PRESETS = ['learning_star', 'learning_family', 'learning_org', 'volunteer'];

export async function loadCityLevel(store: Store, campaignId: string): Promise<void> {
  await store.putOrg(CITY_ORG);
  const district = (await store.listOrgs(DISTRICT.id)).find((o) => o.id === DISTRICT.id);
  if (district) await store.putOrg({ ...district, parentId: CITY_ORG.id });
  await store.putMember(CITY_MEMBER);
  for (const preset of HONOUR_PRESETS.filter((p) => JINTAN_PRESETS.includes(p.preset))) {
    const { preset: key, seed: _seed, ...config } = preset;
    const kind: HonourKind = { ...config, id: `${campaignId}-${key}`, campaignId };
    await store.putHonourKind(kind);
  }
}
