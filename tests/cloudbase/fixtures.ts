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
import { aCampaign, aCheckin, anEvent, aRegistration, aScanLogEntry } from '../support/builders';

/** The CloudBase tests' records: the shared builders with this suite's ids and June 2025 times. */
const CREATED = 1_700_000_000_000;
const SCANNED = 1_750_000_100_000;
const ids = { eventId: 'ev1', registrationId: 'ev1_o1', deviceId: 'dev1', staffId: 'staff1' };

export function makeEvent(overrides: Partial<ActivityEvent> = {}): ActivityEvent {
  return anEvent({
    id: 'ev1',
    title: '数字生活讲座',
    content: '手机使用入门',
    venue: '社区学校',
    startAt: 1_750_000_000_000,
    endAt: 1_750_003_600_000,
    day: '2025-06-15',
    category: 'lecture',
    createdAt: CREATED,
    updatedAt: CREATED,
    ...overrides,
  });
}

export function makeRegistration(overrides: Partial<Registration> = {}): Registration {
  const people = { ownerId: 'o1', createdBy: 'o1', name: '张三', phone: '13800000000' };
  const times = { consentAt: CREATED, createdAt: CREATED, updatedAt: CREATED, confirmedAt: null };
  return aRegistration({
    id: ids.registrationId,
    eventId: ids.eventId,
    ...people,
    status: 'pending',
    ...times,
    ...overrides,
  });
}

export function makeCampaign(overrides: Partial<Campaign> = {}): Campaign {
  const week = { weekStart: '2025-06-14', weekEnd: '2025-06-20' };
  return aCampaign({
    name: '全民终身学习活动周',
    theme: '学习让生活更美好',
    ...week,
    hosts: ['区教育局'],
    ...overrides,
  });
}

export function makeCheckin(overrides: Partial<Checkin> = {}): Checkin {
  /** Asia/Shanghai day and hour of checkedInAt. */
  const when = { day: '2025-06-15', hour: 23, checkedInAt: SCANNED, recordedAt: SCANNED + 500 };
  const { eventId, registrationId, deviceId, staffId } = ids;
  return aCheckin({
    id: registrationId,
    eventId,
    registrationId,
    personKey: 'o1',
    deviceId,
    staffId,
    ...when,
    ...overrides,
  });
}

export function makeScanLog(overrides: Partial<ScanLogEntry> = {}): ScanLogEntry {
  const when = { scannedAt: SCANNED, recordedAt: SCANNED + 500, firstCheckedInAt: SCANNED };
  return aScanLogEntry({ id: 'scan1', ...ids, ...when, ...overrides });
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
