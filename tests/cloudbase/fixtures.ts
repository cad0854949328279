/** Domain records for the CloudBase store tests. */
import type {
  ActivityEvent,
  AuditRecord,
  Campaign,
  Checkin,
  Invite,
  Notice,
  Registration,
  ReminderRecord,
  ScanLogEntry,
} from '../../types/domain';

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
    entered: null,
    status: 'approved',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    capacity: 50,
    seatsTaken: 0,
    waitingCount: 0,
    checkedIn: 0,
    walkIns: 0,
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

export function makeCheckin(overrides: Partial<Checkin> = {}): Checkin {
  return {
    id: 'ev1_o1',
    eventId: 'ev1',
    campaignId: 'c1',
    unitId: 'u1',
    registrationId: 'ev1_o1',
    personKey: 'o1',
    /** Asia/Shanghai day and hour of checkedInAt below. */
    day: '2025-06-15',
    hour: 23,
    party: 1,
    name: null,
    phone: null,
    status: 'active',
    method: 'code',
    checkedInAt: 1_750_000_100_000,
    recordedAt: 1_750_000_100_500,
    deviceId: 'dev1',
    staffId: 'staff1',
    offline: false,
    undoneAt: null,
    undoneBy: null,
    undoReason: null,
    ...overrides,
  };
}

export function makeScanLog(overrides: Partial<ScanLogEntry> = {}): ScanLogEntry {
  return {
    id: 'scan1',
    eventId: 'ev1',
    registrationId: 'ev1_o1',
    kind: 'code',
    outcome: 'checked_in',
    reason: null,
    deviceId: 'dev1',
    staffId: 'staff1',
    scannedAt: 1_750_000_100_000,
    recordedAt: 1_750_000_100_500,
    offline: false,
    conflict: false,
    firstCheckedInAt: 1_750_000_100_000,
    ...overrides,
  };
}

export function makeInvite(overrides: Partial<Invite> = {}): Invite {
  return {
    code: 'AB12CD34',
    districtId: 'd1',
    role: 'staff',
    unitIds: ['u1'],
    name: '王老师',
    createdBy: 'org1',
    createdAt: 1_700_000_000_000,
    expiresAt: 1_700_604_800_000,
    usedBy: null,
    usedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

export function makeNotice(overrides: Partial<Notice> = {}): Notice {
  return {
    id: 'n1',
    ownerId: 'o1',
    eventId: 'ev1',
    kind: 'event_changed',
    text: '活动时间有调整',
    createdAt: 1_750_000_000_000,
    readAt: null,
    ...overrides,
  };
}

export function makeAudit(overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id: 'a1',
    districtId: 'd1',
    actor: 'org1',
    at: 1_700_000_000_000,
    action: 'event.capacity',
    target: 'ev1',
    summary: '名额 50 → 40',
    ...overrides,
  };
}

export function makeReminder(overrides: Partial<ReminderRecord> = {}): ReminderRecord {
  return {
    id: 'event_reminder|ev1_o1',
    kind: 'event_reminder',
    registrationId: 'ev1_o1',
    ownerId: 'o1',
    eventId: 'ev1',
    status: 'sent',
    fields: { thing1: '数字生活讲座', time2: '2025-06-15 23:00' },
    attempts: 1,
    detail: '',
    at: 1_750_000_000_000,
    ...overrides,
  };
}
