/** Domain records for the CloudBase store tests. */
import type { ActivityEvent, Campaign, Registration } from '../../types/domain';

export function makeEvent(overrides: Partial<ActivityEvent> = {}): ActivityEvent {
  return {
    id: 'ev1',
    campaignId: 'c1',
    districtId: 'd1',
    unitId: 'u1',
    streetId: 's1',
    title: '数字生活讲座',
    content: '手机使用入门',
    venue: '社区学校',
    startAt: 1_750_000_000_000,
    endAt: 1_750_003_600_000,
    day: '2025-06-15',
    category: 'lecture',
    audiences: ['elderly'],
    mode: 'offline',
    free: true,
    venueRole: null,
    maxCompanions: 2,
    status: 'approved',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    capacity: 50,
    seatsTaken: 0,
    waitingCount: 0,
    ...overrides,
  };
}

export function makeRegistration(overrides: Partial<Registration> = {}): Registration {
  return {
    id: 'ev1_o1',
    eventId: 'ev1',
    campaignId: 'c1',
    unitId: 'u1',
    ownerId: 'o1',
    source: 'self',
    createdBy: 'o1',
    name: '张三',
    phone: '13800000000',
    companions: 0,
    party: 1,
    status: 'pending',
    waitTicket: null,
    consentAt: 1_700_000_000_000,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    confirmedAt: null,
    cancelledAt: null,
    promotedAt: null,
    ...overrides,
  };
}

export function makeCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 'c1',
    districtId: 'd1',
    name: '全民终身学习活动周',
    theme: '学习让生活更美好',
    weekStart: '2025-06-14',
    weekEnd: '2025-06-20',
    hosts: ['区教育局'],
    coHosts: [],
    undertakers: [],
    demo: false,
    ...overrides,
  };
}
