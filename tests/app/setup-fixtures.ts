/** Canned views for the setup pages (活动周筹备): orgs, managed events, members, invitations. */
import type { ManagedEventView, WhoAmI } from '../../types/api';
import type { Invite, Member, Org } from '../../types/domain';
import { at } from '../../backend/core/time';
import { WEEK_DAYS, anEvent } from './builders';

export const ORGS: Org[] = [
  { id: 'jintan', name: '常州市金坛区', kind: 'district', parentId: null, districtId: 'jintan' },
  { id: 'yaotang', name: '尧塘街道', kind: 'street', parentId: 'jintan', districtId: 'jintan' },
  { id: 'zhixi', name: '直溪镇', kind: 'town', parentId: 'jintan', districtId: 'jintan' },
  {
    id: 'centre-yaotang',
    name: '尧塘街道社区教育中心',
    kind: 'unit',
    parentId: 'yaotang',
    districtId: 'jintan',
    unitKind: 'community_centre',
    contact: { name: '张明', position: '主任', phone: '0519-82812345', email: '' },
  },
  {
    id: 'centre-zhixi',
    name: '直溪镇社区教育中心',
    kind: 'unit',
    parentId: 'zhixi',
    districtId: 'jintan',
    unitKind: 'community_centre',
  },
];

export function aManagedEvent(overrides: Partial<ManagedEventView> = {}): ManagedEventView {
  const day = overrides.day ?? WEEK_DAYS[1];
  return {
    ...anEvent({
      id: 'ev1',
      title: '老年人智能手机课',
      unitId: 'centre-yaotang',
      unitName: '尧塘街道社区教育中心',
      streetId: 'yaotang',
      streetName: '尧塘街道',
      day,
      startAt: at(day, '09:30'),
      endAt: at(day, '11:00'),
      ...overrides,
    }),
    checkedIn: 0,
    walkIns: 0,
    confirmedPeople: 18,
    status: 'draft',
    reviewNote: null,
    ...overrides,
  };
}

export const STAFF_ME = {
  role: 'staff' as const,
  name: '尧塘中心 张老师',
  unitIds: ['centre-yaotang'],
  districtId: 'jintan',
};
export const ORGANIZER_ME: WhoAmI = { role: 'organizer', name: '区教育局 凌老师', unitIds: [], districtId: 'jintan' };

export const MEMBERS: Member[] = [
  { openid: 'op-staff', role: 'staff', districtId: 'jintan', unitIds: ['centre-yaotang'], name: '尧塘中心 张老师' },
  { openid: 'op-org', role: 'organizer', districtId: 'jintan', unitIds: [], name: '区教育局 凌老师' },
];

export function anInvite(overrides: Partial<Invite & { state: string }> = {}): Invite & { state: string } {
  return {
    code: 'AB3D7KMN',
    districtId: 'jintan',
    role: 'staff',
    unitIds: ['centre-yaotang'],
    name: '尧塘中心 李老师',
    createdBy: 'op-org',
    createdAt: at(WEEK_DAYS[0], '08:00'),
    expiresAt: at(WEEK_DAYS[0], '08:00') + 72 * 3600_000,
    usedBy: null,
    usedAt: null,
    revokedAt: null,
    state: 'open',
    ...overrides,
  };
}
