/**
 * Every action of every function × every kind of caller: allowed exactly where the permission
 * table (cloudfunctions/api/permissions.ts) says, by role at the edge and by scope in the use case.
 */
import { PERMISSIONS, type Access } from '../../cloudfunctions/api/permissions';
import type { ErrorCode, FunctionName } from '../../types/api';
import type { Role } from '../../types/domain';
import { at } from '../../cloudfunctions/core/time';
import { aCampaign, anEvent, anOrg } from '../support/builders';
import { openHarness, type Harness } from '../support/harness';

type Actor =
  | 'anonymous'
  | 'resident'
  | 'otherResident'
  | 'unitStaff'
  | 'otherUnitStaff'
  | 'unitSupervisor'
  | 'organizer'
  | 'otherOrganizer'
  | 'admin';

const ACTORS: Record<Actor, { openid: string | null; role: Role }> = {
  anonymous: { openid: null, role: 'anonymous' },
  resident: { openid: 'res-a', role: 'resident' },
  otherResident: { openid: 'res-b', role: 'resident' },
  unitStaff: { openid: 'staff-u1', role: 'staff' },
  otherUnitStaff: { openid: 'staff-u2', role: 'staff' },
  unitSupervisor: { openid: 'sup-u1', role: 'supervisor' },
  organizer: { openid: 'org-d1', role: 'organizer' },
  otherOrganizer: { openid: 'org-d2', role: 'organizer' },
  admin: { openid: 'admin-1', role: 'admin' },
};

const IN_SCOPE: Record<Access['scope'], readonly Actor[]> = {
  any: Object.keys(ACTORS) as Actor[],
  'own-registration': ['resident'],
  'own-unit': ['unitStaff', 'unitSupervisor', 'organizer', 'admin'],
  'supervise-unit': ['unitSupervisor', 'organizer', 'admin'],
  'own-district': ['organizer', 'admin'],
  'same-district': ['unitStaff', 'otherUnitStaff', 'unitSupervisor', 'organizer', 'admin'],
};

/** What the table says this caller gets: 'allowed', or the refusal. */
function expected(access: Access, actor: Actor): 'allowed' | ErrorCode {
  const { role } = ACTORS[actor];
  if (!access.roles.includes(role)) return role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
  if (!IN_SCOPE[access.scope].includes(actor)) return access.outOfScope ?? 'FORBIDDEN';
  return 'allowed';
}

interface World {
  h: Harness;
  registrationId: string;
  noticeId: string;
}

async function world(): Promise<World> {
  const h = openHarness(at('2026-11-10', '09:00'));
  h.deps.files = { publish: async (fileName) => ({ url: `/x/${fileName}`, fileId: null, fileName, expiresAt: 0 }) };
  await h.store.putCampaign(aCampaign());
  await h.store.putOrg(anOrg({ id: 'd1', kind: 'district', parentId: null, name: '测试区' }));
  await h.store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1', name: '尧塘街道' }));
  await h.store.putOrg(anOrg({ id: 'u1', parentId: 's1', name: '一号中心' }));
  await h.store.putOrg(anOrg({ id: 'u2', parentId: 's1', name: '二号中心' }));
  await h.store.putOrg(anOrg({ id: 'd2', kind: 'district', parentId: null, districtId: 'd2', name: '邻区' }));
  await h.store.putEvent(anEvent({ id: 'e1', unitId: 'u1', streetId: 's1', capacity: 10 }));
  await h.store.putMember({ openid: 'staff-u1', role: 'staff', districtId: 'd1', unitIds: ['u1'], name: '一' });
  await h.store.putMember({ openid: 'staff-u2', role: 'staff', districtId: 'd1', unitIds: ['u2'], name: '二' });
  await h.store.putMember({ openid: 'sup-u1', role: 'supervisor', districtId: 'd1', unitIds: ['u1'], name: '主管' });
  await h.store.putMember({ openid: 'org-d1', role: 'organizer', districtId: 'd1', unitIds: [], name: '区' });
  await h.store.putMember({ openid: 'org-d2', role: 'organizer', districtId: 'd2', unitIds: [], name: '邻' });
  await h.store.putMember({ openid: 'admin-1', role: 'admin', districtId: 'd1', unitIds: [], name: '管理员' });
  const signup = await h.ok(
    'resident',
    'signup.create',
    { eventId: 'e1', name: '王小明', phone: '13912345678', companions: 0, consent: true },
    'res-a',
  );
  await h.store.insertNotice({
    id: 'n-a',
    ownerId: 'res-a',
    eventId: 'e1',
    kind: 'event_changed',
    text: '改期',
    createdAt: 1,
    readAt: null,
  });
  await h.store.insertInvite({
    code: 'ABCD2345',
    districtId: 'd1',
    role: 'staff',
    unitIds: ['u1'],
    name: '新人',
    createdBy: 'org-d1',
    createdAt: 1,
    expiresAt: at('2026-12-01', '00:00'),
    usedBy: null,
    usedAt: null,
    revokedAt: null,
  });
  return { h, registrationId: signup.registration.id, noticeId: 'n-a' };
}

const door = { eventId: 'e1', deviceId: 'device-1', scanId: 'scan-00000001' };
const event = {
  eventId: 'e1',
  unitId: 'u1',
  title: '智能手机培训',
  content: '',
  venue: '教室',
  startAt: at('2026-11-15', '09:00'),
  endAt: at('2026-11-15', '10:00'),
  category: 'training',
  audiences: ['elderly'],
  mode: 'offline',
  free: true,
  venueRole: null,
  maxCompanions: 2,
  capacity: 20,
};

function inputs(w: World): Record<FunctionName, Record<string, unknown>> {
  const person = { name: '赵大爷', phone: '13700001111', companions: 0, consent: true };
  return {
    resident: {
      'system.ping': {},
      'me.get': {},
      'week.get': {},
      'events.list': {},
      'event.get': { eventId: 'e1' },
      'signup.create': { eventId: 'e1', ...person },
      'signup.cancel': { registrationId: w.registrationId },
      'signup.mine': {},
      'checkin.codes': { registrationId: w.registrationId },
      'rating.submit': { registrationId: w.registrationId, score: 5, comment: '' },
      'invite.accept': { code: 'ABCD2345' },
      'notices.list': {},
      'notices.read': { id: w.noticeId },
      'reminders.config': {},
      'reminders.subscribe': { accepted: ['event_reminder'] },
      'reminders.mine': {},
    },
    staff: {
      'staff.events': {},
      'checkin.config': {},
      'checkin.roster': { eventId: 'e1' },
      'checkin.scan': { ...door, code: 'not-a-code' },
      'checkin.manual': { ...door, registrationId: w.registrationId },
      'checkin.walkin': { ...door, companions: 0 },
      'checkin.sync': { eventId: 'e1', deviceId: 'device-1', scans: [] },
      'checkin.find': { eventId: 'e1', query: '王' },
      'checkin.undo': { ...door, registrationId: w.registrationId, reason: '误扫' },
      'signup.proxy': { eventId: 'e1', ...person },
      'audit.list': { eventId: 'e1' },
    },
    organizer: {
      'dashboard.get': {},
      'attendance.enter': { eventId: 'e1', participants: 5, note: '' },
      'reconcile.run': {},
      'forms.preview': { kind: 'F1', orgId: 'u1' },
      'forms.saveProfile': { kind: 'F1', orgId: 'u1', fields: { leader: '甲' } },
      'campaign.save': {
        id: 'c1',
        name: '测试区活动周',
        theme: '全民智学',
        weekStart: '2026-11-14',
        weekEnd: '2026-11-20',
        hosts: [],
        coHosts: [],
        undertakers: [],
      },
      'org.list': {},
      'org.save': { id: 'u1', name: '一号中心', kind: 'unit', parentId: 's1' },
      'staff.list': {},
      'staff.update': { openid: 'staff-u2', role: 'staff', unitIds: ['u2'], name: '二' },
      'staff.revoke': { openid: 'staff-u2' },
      'invite.create': { role: 'staff', unitId: 'u1', name: '乙', hours: 24 },
      'invite.list': {},
      'invite.revoke': { code: 'ABCD2345' },
      'events.managed': {},
      'event.save': event,
      'event.review': { eventId: 'e1', action: 'submit', reason: '' },
      'event.setCapacity': { eventId: 'e1', capacity: 30 },
      'setupAudit.list': {},
      'reminders.run': {},
      'event.poster': { eventId: 'e1' },
    },
    exports: {
      'forms.export': { kind: 'F2', orgId: 'u1', mode: 'plan' },
      'attendance.export': { eventId: 'e1' },
      'events.import': { unitId: 'u1', fileId: 'u-AAAAAAAAAAAAAAAAAAAAAA' },
    },
  };
}

const REFUSALS = new Set<ErrorCode>(['FORBIDDEN', 'UNAUTHENTICATED']);

describe('permission matrix', () => {
  const cases: [FunctionName, string, Actor, 'allowed' | ErrorCode][] = [];
  for (const fn of Object.keys(PERMISSIONS) as FunctionName[]) {
    const table: Record<string, Access> = PERMISSIONS[fn];
    for (const action of Object.keys(table)) {
      for (const actor of Object.keys(ACTORS) as Actor[])
        cases.push([fn, action, actor, expected(table[action], actor)]);
    }
  }

  it('covers every action of every function', () => {
    const w = { h: null as never, registrationId: 'r', noticeId: 'n' };
    for (const fn of Object.keys(PERMISSIONS) as FunctionName[]) {
      expect(Object.keys(inputs(w)[fn]).sort()).toEqual(Object.keys(PERMISSIONS[fn]).sort());
    }
    expect(cases.length).toBeGreaterThan(400);
  });

  it.each(cases)('%s %s by %s → %s', async (fn, action, actor, outcome) => {
    const w = await world();
    try {
      const result = await w.h.call(fn, action as never, inputs(w)[fn][action], ACTORS[actor].openid);
      if (outcome === 'allowed') {
        // Allowed: it succeeded, or failed for a business reason that is not a refusal.
        if (!result.ok) expect(REFUSALS.has(result.error.code) ? result.error : 'not refused').toBe('not refused');
      } else {
        expect(result.ok ? 'allowed' : result.error.code).toBe(outcome);
      }
      expect(w.h.errors).toEqual([]);
    } finally {
      w.h.close();
    }
  });
});
