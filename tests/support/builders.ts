/** Small builders for domain records in tests: sensible defaults, override what matters. */
import type { ActivityEvent, Campaign, Checkin, Member, Org, Registration, ScanLogEntry } from '../../types/domain';
import type { ActionInput, EventInput } from '../../types/api';
import { at, dayOf } from '../../backend/core/time';

export const T0 = at('2026-11-14', '08:00');

/** A builder of records: fresh defaults each time, with what the test names overriding them. */
function builder<T>(defaults: () => T): (overrides?: Partial<T>) => T {
  return (overrides = {}) => ({ ...defaults(), ...overrides });
}

export const aCampaign = builder<Campaign>(() => ({
  id: 'c1',
  districtId: 'd1',
  name: '测试区全民终身学习活动周',
  theme: '全民智学',
  weekStart: '2026-11-14',
  weekEnd: '2026-11-20',
  hosts: ['测试区教育局'],
  coHosts: [],
  undertakers: [],
  demo: false,
}));

export function anOrg(overrides: Partial<Org> & Pick<Org, 'id'>): Org {
  return { name: overrides.id, kind: 'unit', parentId: 's1', districtId: 'd1', ...overrides };
}

/** A member of district d1: staff of unit u1 unless told otherwise. */
export function aMember(overrides: Partial<Member> & Pick<Member, 'openid'>): Member {
  return { role: 'staff', districtId: 'd1', unitIds: ['u1'], name: overrides.openid, ...overrides };
}

/** The kind of activity built events and event inputs are: a free offline training for the elderly. */
function aTraining(): Pick<EventInput, 'category' | 'audiences' | 'mode' | 'free' | 'venueRole' | 'maxCompanions'> {
  return {
    category: 'training',
    audiences: ['elderly'],
    mode: 'offline',
    free: true,
    venueRole: null,
    maxCompanions: 2,
  };
}

export function anEvent(overrides: Partial<ActivityEvent> = {}): ActivityEvent {
  const startAt = overrides.startAt ?? at('2026-11-15', '09:00');
  return {
    id: 'e1',
    campaignId: 'c1',
    districtId: 'd1',
    unitId: 'u1',
    streetId: 's1',
    title: '智能手机使用培训',
    content: '手把手教老年人使用智能手机',
    venue: '社区教育中心三楼',
    startAt,
    endAt: startAt + 90 * 60_000,
    day: dayOf(startAt),
    ...aTraining(),
    entered: null,
    status: 'approved',
    capacity: 50,
    seatsTaken: 0,
    waitingCount: 0,
    checkedIn: 0,
    walkIns: 0,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/** The organizer's input to `event.save`: a two-seat offline training in u1 on the week's second day. */
export const anEventInput = builder<EventInput>(() => ({
  unitId: 'u1',
  title: '智能手机培训',
  content: '手把手教学',
  venue: '社区教育中心',
  startAt: at('2026-11-15', '09:00'),
  endAt: at('2026-11-15', '10:30'),
  ...aTraining(),
  capacity: 2,
}));

/** A resident's input to `signup.create`: 王小明 alone, for event e1, consenting. */
export const aSignupInput = builder<ActionInput<'resident', 'signup.create'>>(() => ({
  eventId: 'e1',
  name: '王小明',
  phone: '13912345678',
  companions: 0,
  consent: true,
}));

export const aRegistration = builder<Registration>(() => ({
  id: 'e1_holder',
  eventId: 'e1',
  campaignId: 'c1',
  unitId: 'u1',
  ownerId: 'openid-1',
  source: 'self',
  createdBy: 'openid-1',
  name: '王小明',
  phone: '13812345678',
  companions: 0,
  party: 1,
  status: 'confirmed',
  waitTicket: null,
  consentAt: T0,
  createdAt: T0,
  updatedAt: T0,
  confirmedAt: T0,
  cancelledAt: null,
  promotedAt: null,
}));

export const aCheckin = builder<Checkin>(() => ({
  id: 'e1_holder',
  eventId: 'e1',
  campaignId: 'c1',
  unitId: 'u1',
  registrationId: 'e1_holder',
  personKey: 'holder',
  day: '2026-11-14',
  hour: 8,
  party: 1,
  name: null,
  phone: null,
  status: 'active',
  method: 'code',
  checkedInAt: T0,
  recordedAt: T0,
  deviceId: 'device-1',
  staffId: 'openid-staff',
  offline: false,
  undoneAt: null,
  undoneBy: null,
  undoReason: null,
}));

export const aScanLogEntry = builder<ScanLogEntry>(() => ({
  id: 'scan-1',
  eventId: 'e1',
  registrationId: 'e1_holder',
  kind: 'code',
  outcome: 'checked_in',
  reason: null,
  deviceId: 'device-1',
  staffId: 'openid-staff',
  scannedAt: T0,
  recordedAt: T0,
  offline: false,
  conflict: false,
  firstCheckedInAt: null,
}));

/** A clock the test moves by hand. */
export class FixedClock {
  constructor(private current: number = T0) {}
  now(): number {
    return this.current;
  }
  set(ms: number): void {
    this.current = ms;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
