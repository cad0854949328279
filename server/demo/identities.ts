/**
 * Local-only demo identities. The local server maps the `x-demo-identity` header to one of
 * these openids; the cloud functions never read identity from a request, so none of this
 * can be enabled in production.
 */
import type { Member, Role } from '../../types/domain';
import { DISTRICT } from './jintan';
import { CITY, DISTRICT2 } from './changzhou';

export interface DemoIdentity {
  id: string;
  label: string;
  role: Role;
  openid: string | null;
}

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  { id: 'resident', label: '居民 王阿姨', role: 'resident', openid: 'demo-openid-resident-wang' },
  { id: 'resident2', label: '居民 李大爷', role: 'resident', openid: 'demo-openid-resident-li' },
  { id: 'staff', label: '尧塘街道社区教育中心 工作人员', role: 'staff', openid: 'demo-openid-staff-yaotang' },
  { id: 'organizer', label: '金坛区教育局 组织者', role: 'organizer', openid: 'demo-openid-organizer' },
  { id: 'city-organizer', label: '常州市教育局 组织者', role: 'organizer', openid: 'demo-openid-city-organizer' },
  {
    id: 'district2-organizer',
    label: '武进区教育局 组织者',
    role: 'organizer',
    openid: 'demo-openid-district2-organizer',
  },
  { id: 'anonymous', label: '未登录访客', role: 'anonymous', openid: null },
];

export const DEFAULT_DEMO_IDENTITY = 'resident';

/** The staff and organizer bindings the demo identities stand for. */
export const DEMO_MEMBERS: Member[] = [
  {
    openid: 'demo-openid-staff-yaotang',
    role: 'staff',
    districtId: DISTRICT.id,
    unitIds: ['centre-yaotang'],
    name: '尧塘中心 张老师',
  },
  { openid: 'demo-openid-organizer', role: 'organizer', districtId: DISTRICT.id, unitIds: [], name: '区教育局 凌老师' },
  {
    openid: 'demo-openid-city-organizer',
    role: 'organizer',
    districtId: CITY.id,
    unitIds: [],
    name: '常州市教育局',
  },
  {
    openid: 'demo-openid-district2-organizer',
    role: 'organizer',
    districtId: DISTRICT2.id,
    unitIds: [],
    name: '武进区教育局',
  },
];

/**
 * The openid a local request acts as. Besides the named demo identities, `resident-<n>` stands
 * for any number of distinct residents (load tests, the benchmark); never staff or organizers.
 */
export function demoOpenid(header: string | undefined): string | null {
  const id = header?.trim() || DEFAULT_DEMO_IDENTITY;
  const generated = /^resident-([A-Za-z0-9_-]{1,40})$/.exec(id);
  if (generated) return `demo-openid-resident-${generated[1]}`;
  return DEMO_IDENTITIES.find((d) => d.id === id)?.openid ?? null;
}
